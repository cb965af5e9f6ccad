<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FraudPane</name>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="19" />
        <source>follow</source>
        <translation>关注</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="19" />
        <source>barrage</source>
        <translation>弹幕</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="20" />
        <source>gift</source>
        <translation>送礼</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="20" />
        <source>like</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="21" />
        <source>share</source>
        <translation>分享</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="21" />
        <source>enter</source>
        <translation>进入直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="22" />
        <source>similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="23" />
        <source>lock-step</source>
        <translation>同步行为</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="24" />
        <source>device/IP sharing</source>
        <translation>设备/IP 共用</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="25" />
        <source>size</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="54" />
        <location filename="../../widgets/fraud/pane.py" line="55" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="62" />
        <source>Users acting on the same target within this window are linked as candidates</source>
        <translation>在此时间窗口内对同一目标有行为的用户会被关联为候选</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="64" />
        <source>Size of the time slots the behaviour vectors count in</source>
        <translation>行为向量计数所用时间槽的长度</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="65" />
        <source>Pairs less alike than this are pruned; lower finds more, higher is stricter</source>
        <translation>相似度低于此值的用户对被剪除；调低发现更多，调高更严格</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="67" />
        <source>Pairs must have acted together in at least this many slots</source>
        <translation>用户对至少要在这么多个时间槽中同时行动</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="69" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="70" />
        <source>Load a CSV or Parquet behaviour log into the workspace</source>
        <translation>将 CSV 或 Parquet 行为日志导入工作区</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="74" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="76" />
        <source>Behaviours</source>
        <translation>行为</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="77" />
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="78" />
        <source>Slot</source>
        <translation>时间槽</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="79" />
        <source>Similarity ≥</source>
        <translation>相似度 ≥</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="80" />
        <source>Common slots ≥</source>
        <translation>共同时间槽 ≥</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="81" />
        <source>Group size ≥</source>
        <translation>团伙人数 ≥</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="82" />
        <source>Accounts/device</source>
        <translation>每设备账号数</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="83" />
        <source>Accounts/IP</source>
        <translation>每 IP 账号数</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="84" />
        <source>Score ≥</source>
        <translation>评分 ≥</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="85" />
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="87" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="89" />
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="99" />
        <source>Detection</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="122" />
        <source>Confirm</source>
        <translation>确认作弊</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="123" />
        <source>Dismiss</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="124" />
        <source>Needs review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="126" />
        <source>Note for this group…</source>
        <translation>为该团伙添加备注…</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="127" />
        <source>Save note</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="128" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="142" />
        <source>Graph</source>
        <translation>关系图</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="143" />
        <source>Lock-step heatmap</source>
        <translation>同步行为热力图</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="144" />
        <source>Explanation</source>
        <translation>判定依据</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="239" />
        <source>Loading fraud groups</source>
        <translation>正在加载作弊团伙</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="246" />
        <source>{0} ({1} events)</source>
        <translation>{0}（{1} 条行为）</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="254" />
        <source>No behaviour log in this workspace yet. Import one with 'operator-console fraud import EVENTS.csv' or build the demo workspace.</source>
        <translation>此工作区还没有行为日志。请用 'operator-console fraud import EVENTS.csv' 导入，或创建演示工作区。</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="273" />
        <source>{0} suspect groups, {1} accounts — {2} events, {3} candidate pairs, {4} kept edges</source>
        <translation>{0} 个可疑团伙，{1} 个账号 — {2} 条行为，{3} 个候选对，保留 {4} 条边</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="278" />
        <source>, {0:.1f} s</source>
        <translation>，用时 {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="285" />
        <source>No detection run yet: choose parameters and press Run.</source>
        <translation>尚未运行检测：请设置参数后点击“运行”。</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="302" />
        <source>Detecting fraud groups</source>
        <translation>正在检测作弊团伙</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="310" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="323" />
        <source>Done: {0} groups</source>
        <translation>完成：{0} 个团伙</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="334" />
        <source>Cancelled; the previous results are kept.</source>
        <translation>已取消；保留之前的结果。</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="346" />
        <source>Loading group</source>
        <translation>正在加载团伙</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="353" />
        <source>{0} by {1} on {2}</source>
        <translation>{0}（{1}，{2}）</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="356" />
        <source> (carried over from an earlier run, {0:.0%} same members)</source>
        <translation>（沿用之前运行的判定，成员重合 {0:.0%}）</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="360" />
        <source>Not decided yet.</source>
        <translation>尚未判定。</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="374" />
        <source>{0} · score {1:.1f}</source>
        <translation>{0} · 评分 {1:.1f}</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="375" />
        <source>Score parts</source>
        <translation>评分构成</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="375" />
        <source>Shared devices</source>
        <translation>共用设备</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="376" />
        <source>Shared IPs</source>
        <translation>共用 IP</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="376" />
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="392" />
        <source>Saving decision</source>
        <translation>正在保存判定</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="405" />
        <source>Decision saved: {0}</source>
        <translation>判定已保存：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="409" />
        <source>Export groups</source>
        <translation>导出团伙</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="410" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="416" />
        <source>Exporting groups</source>
        <translation>正在导出团伙</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="418" />
        <source>Exported {0} groups</source>
        <translation>已导出 {0} 个团伙</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="422" />
        <source>Import behaviour log</source>
        <translation>导入行为日志</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="423" />
        <source>Behaviour logs (*.csv *.csv.gz *.tsv *.parquet)</source>
        <translation>行为日志 (*.csv *.csv.gz *.tsv *.parquet)</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="430" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="433" />
        <source>Importing behaviour log</source>
        <translation>正在导入行为日志</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/pane.py" line="438" />
        <source>Imported {0} events of {1} accounts</source>
        <translation>已导入 {1} 个账号的 {0} 条行为</translation>
    </message>
</context>
<context>
    <name>FraudStatus</name>
    <message>
        <location filename="../../widgets/fraud/models.py" line="7" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="8" />
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="9" />
        <source>Needs review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="10" />
        <source>New</source>
        <translation>新发现</translation>
    </message>
</context>
<context>
    <name>GroupGraphView</name>
    <message>
        <location filename="../../widgets/fraud/views.py" line="36" />
        <source>Select a group to see its accounts, devices and IPs.</source>
        <translation>选择一个团伙以查看其账号、设备和 IP。</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/views.py" line="58" />
        <location filename="../../widgets/fraud/views.py" line="104" />
        <source>account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/views.py" line="58" />
        <location filename="../../widgets/fraud/views.py" line="104" />
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/views.py" line="59" />
        <location filename="../../widgets/fraud/views.py" line="104" />
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/views.py" line="94" />
        <source>{0} accounts, {1} devices, {2} IPs — edge width = similarity; drag to pan, wheel to zoom, hover a node for its name</source>
        <translation>{0} 个账号，{1} 台设备，{2} 个 IP — 边越粗相似度越高；拖动平移，滚轮缩放，悬停查看名称</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <location filename="../../widgets/fraud/models.py" line="20" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="21" />
        <source>Accounts</source>
        <translation>账号数</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="22" />
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="23" />
        <source>IPs</source>
        <translation>IP 数</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="24" />
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="25" />
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="26" />
        <source>By</source>
        <translation>判定人</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/models.py" line="27" />
        <source>Group id</source>
        <translation>团伙编号</translation>
    </message>
</context>
<context>
    <name>SlotHeatmapView</name>
    <message>
        <location filename="../../widgets/fraud/views.py" line="123" />
        <source>accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/views.py" line="124" />
        <source>time slot (UTC) · target</source>
        <translation>时间槽（UTC）· 目标</translation>
    </message>
    <message>
        <location filename="../../widgets/fraud/views.py" line="161" />
        <source>{0} accounts × {1} busiest slots; brighter = more actions</source>
        <translation>{0} 个账号 × {1} 个最活跃时间槽；越亮行为越多</translation>
    </message>
</context>
</TS>