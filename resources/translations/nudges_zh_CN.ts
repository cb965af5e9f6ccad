<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>NudgesModels</name>
    <message>
        <location filename="../../widgets/nudges/models.py" line="243" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="244" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="22" />
        <location filename="../../widgets/nudges/models.py" line="245" />
        <location filename="../../widgets/nudges/models.py" line="269" />
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="25" />
        <location filename="../../widgets/nudges/models.py" line="246" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="247" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="248" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="250" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="249" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="24" />
        <location filename="../../widgets/nudges/models.py" line="270" />
        <source>Basis</source>
        <translation>计时依据</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="21" />
        <source>Process</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="23" />
        <location filename="../../widgets/nudges/models.py" line="271" />
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="26" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="27" />
        <source>Cap</source>
        <translation>频次上限</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="28" />
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="29" />
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="272" />
        <source>Visits</source>
        <translation>访问数</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="273" />
        <source>Nudges</source>
        <translation>提醒数</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="274" />
        <source>Per day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="275" />
        <source>Advanced anyway</source>
        <translation>未提醒也推进</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="276" />
        <source>Nudged: advanced</source>
        <translation>已提醒：推进率</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="277" />
        <source>Comparable: advanced</source>
        <translation>可比用户：推进率</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/models.py" line="278" />
        <source>Lift</source>
        <translation>提升</translation>
    </message>
</context>
<context>
    <name>NudgesPane</name>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="57" />
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="59" />
        <source>Import rules…</source>
        <translation>导入规则…</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="61" />
        <source>Export rules…</source>
        <translation>导出规则…</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="63" />
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="68" />
        <source>Evaluate at</source>
        <translation>评估时间</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="75" />
        <source>&lt;b&gt;Funnel&lt;/b&gt;: users reaching each step, conversion from the step before</source>
        <translation>&lt;b&gt;漏斗&lt;/b&gt;：到达各步骤的用户数及相对上一步的转化率</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="93" />
        <source>&lt;b&gt;Dwell at step&lt;/b&gt;</source>
        <translation>&lt;b&gt;步骤停留时长&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="109" />
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="110" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="111" />
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="112" />
        <location filename="../../widgets/nudges/pane.py" line="470" />
        <source>Backtest</source>
        <translation>回测</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="138" />
        <source>Apply to rules</source>
        <translation>应用到规则</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="141" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="142" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="143" />
        <source>Preview for user</source>
        <translation>预览用户</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="151" />
        <source>&lt;b&gt;Preview&lt;/b&gt; (missing fields use the process fallbacks)</source>
        <translation>&lt;b&gt;预览&lt;/b&gt;（缺失字段使用流程的默认值）</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="161" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="161" />
        <source>Pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="162" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="162" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="165" />
        <source>Queue due nudges</source>
        <translation>将到期提醒加入发件箱</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="168" />
        <source>log:FILE or http://host/webhook</source>
        <translation>log:文件 或 http://主机/webhook</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="169" />
        <source>Deliver pending</source>
        <translation>发送待发提醒</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="171" />
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="175" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="189" />
        <source>Run backtest</source>
        <translation>运行回测</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="191" />
        <source>Replays the stored events with the thresholds above. Comparable = same step, same dwell reached, no nudge sent.</source>
        <translation>用上方阈值回放已存储的事件。可比用户 = 同一步骤、达到相同停留时长、但未收到提醒的用户。</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="195" />
        <source>Advance window</source>
        <translation>推进窗口</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="214" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="216" />
        <source>Loading nudges</source>
        <translation>加载停留提醒</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="240" />
        <source>No nudge processes in this workspace yet. Import a rules file (Import rules…) and events (operator-console nudges import-events FILE).</source>
        <translation>此工作区还没有提醒流程。请导入规则文件（导入规则…）和事件（operator-console nudges import-events 文件）。</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="248" />
        <source>{events} events · {active} users in progress · {due} due now</source>
        <translation>{events} 条事件 · {active} 位用户进行中 · 当前 {due} 位到期</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="264" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="289" />
        <source>users here now</source>
        <translation>当前停留用户</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="289" />
        <source>past visits (scaled)</source>
        <translation>历史访问（按比例缩放）</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="312" />
        <source>Threshold &lt;b&gt;{thr}&lt;/b&gt; ({basis}): &lt;b&gt;{due}&lt;/b&gt; of {active} users here would be nudged now; ≈ &lt;b&gt;{per_day}&lt;/b&gt; per day over the last {days} days (before quiet hours and caps).</source>
        <translation>阈值 &lt;b&gt;{thr}&lt;/b&gt;（{basis}）：当前停留的 {active} 位用户中有 &lt;b&gt;{due}&lt;/b&gt; 位会收到提醒；过去 {days} 天平均每天约 &lt;b&gt;{per_day}&lt;/b&gt; 条（未计免打扰时段和频次上限）。</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="350" />
        <source>(user with no details)</source>
        <translation>（无资料的用户）</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="374" />
        <source>Template error — this message would not be sent: {error}</source>
        <translation>模板错误——此消息不会发送：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="380" />
        <source>(empty message)</source>
        <translation>（空消息）</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="391" />
        <source>Import rules</source>
        <translation>导入规则</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="392" />
        <location filename="../../widgets/nudges/pane.py" line="401" />
        <source>Rules (*.toml *.yaml *.yml *.json)</source>
        <translation>规则文件 (*.toml *.yaml *.yml *.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="395" />
        <source>Importing rules</source>
        <translation>正在导入规则</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="400" />
        <source>Export rules</source>
        <translation>导出规则</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="404" />
        <source>Exporting rules</source>
        <translation>正在导出规则</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="410" />
        <source>Saving rules</source>
        <translation>正在保存规则</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="417" />
        <source>Rules saved.</source>
        <translation>规则已保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="422" />
        <source>pending {p} · sent {s} · failed {f}</source>
        <translation>待发送 {p} · 已发送 {s} · 失败 {f}</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="428" />
        <source>Loading outbox</source>
        <translation>加载发件箱</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="436" />
        <source>Queueing due nudges</source>
        <translation>正在加入到期提醒</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="440" />
        <source>{new} new nudges queued ({due} due; {dup} already in the outbox).</source>
        <translation>新加入 {new} 条提醒（到期 {due} 条；{dup} 条已在发件箱中）。</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="443" />
        <source>{n} not queued because of template errors: {first}</source>
        <translation>{n} 条因模板错误未加入：{first}</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="451" />
        <source>Delivering nudges</source>
        <translation>正在发送提醒</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="456" />
        <source>Retrying failed nudges</source>
        <translation>正在重试失败的提醒</translation>
    </message>
    <message>
        <location filename="../../widgets/nudges/pane.py" line="461" />
        <source>Delivered {sent}; failed {failed}; to retry {pending}.</source>
        <translation>已发送 {sent}；失败 {failed}；待重试 {pending}。</translation>
    </message>
</context>
</TS>