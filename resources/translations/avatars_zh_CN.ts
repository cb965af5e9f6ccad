<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddPictureDialog</name>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="23" />
        <source>Add picture</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="29" />
        <source>e.g. motif:cat, age:child=0.8</source>
        <translation>例如 motif:cat, age:child=0.8</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="31" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="32" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="33" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="34" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>AvatarsPane</name>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="65" />
        <source>Assign missing avatars</source>
        <translation>为缺头像的用户分配</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="66" />
        <source>Give every user without an avatar a default one; existing valid avatars are kept</source>
        <translation>为每个没有头像的用户分配默认头像；已有且有效的头像保持不变</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="69" />
        <source>Initial</source>
        <translation>首字</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="69" />
        <source>Badge</source>
        <translation>徽标</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="70" />
        <source>No mark</source>
        <translation>无标记</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="73" />
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="73" />
        <source>Rounded</source>
        <translation>圆角</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="74" />
        <source>Square</source>
        <translation>方形</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="80" />
        <source>Minimum perceptual distance between the avatars of people who appear together</source>
        <translation>同时出现的人之间头像的最小感知距离</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="82" />
        <source>Apply settings</source>
        <translation>应用设置</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="86" />
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="86" />
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="87" />
        <source>Confusable below</source>
        <translation>易混淆阈值</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="95" />
        <source>Filter by id, nickname, picture or status…</source>
        <translation>按 ID、昵称、图片或状态筛选…</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="97" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="98" />
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="99" />
        <location filename="../../widgets/avatars/pane.py" line="141" />
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="100" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="101" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="120" />
        <source>Pick a user on the left.</source>
        <translation>请在左侧选择一个用户。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="123" />
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="124" />
        <location filename="../../widgets/avatars/pane.py" line="281" />
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="125" />
        <source>Use selected candidate</source>
        <translation>使用所选候选</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="138" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="138" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="139" />
        <source>Derived from</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="142" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="143" />
        <source>Why it matches</source>
        <translation>匹配原因</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="148" />
        <source>Avatar</source>
        <translation>头像</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="151" />
        <source>Portrait tags</source>
        <translation>画像标签</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="154" />
        <source>Top candidate pictures</source>
        <translation>最佳候选图片</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="162" />
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="167" />
        <source>Chat list preview</source>
        <translation>聊天列表预览</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="295" />
        <source>Group: {0}</source>
        <translation>群聊：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="298" />
        <source>Contacts of {0}</source>
        <translation>{0} 的联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="304" />
        <source>This user is in no group chat or contact list.</source>
        <translation>该用户不在任何群聊或联系人列表中。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="183" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="184" />
        <source>Picture library</source>
        <translation>图片库</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="209" />
        <source>Loading avatar users</source>
        <translation>正在加载头像用户</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="222" />
        <source>No users without an avatar in this workspace. Build the demo (File menu) or import customers, then assign avatars.</source>
        <translation>此工作区中没有缺少头像的用户。请先构建演示数据（文件菜单）或导入客户，再分配头像。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="234" />
        <source>{0} of {1} users without an avatar</source>
        <translation>缺少头像的用户：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="255" />
        <source>Loading portrait</source>
        <translation>正在加载画像</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="267" />
        <source>&lt;b&gt;{0}&lt;/b&gt; ({1}) has no default avatar yet.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;（{1}）还没有默认头像。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="270" />
        <source>no co-occurring avatars</source>
        <translation>没有同时出现的头像</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="271" />
        <source>closest co-occurring avatar at {0:.1f} ΔE (threshold {1:.0f})</source>
        <translation>最接近的同现头像距离 {0:.1f} ΔE（阈值 {1:.0f}）</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="273" />
        <source>&lt;b&gt;{0}&lt;/b&gt; ({1}) · {2} · {3}{4}&lt;br&gt;{5}&lt;br&gt;&lt;small&gt;{6}&lt;/small&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;（{1}）· {2} · {3}{4}&lt;br&gt;{5}&lt;br&gt;&lt;small&gt;{6}&lt;/small&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="275" />
        <source> · locked</source>
        <translation> · 已锁定</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="278" />
        <source>Interests without a matching theme: {0}</source>
        <translation>没有匹配主题的兴趣：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="281" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="311" />
        <source>Rendering group</source>
        <translation>正在渲染群聊</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="319" />
        <source>  (staff)</source>
        <translation>（员工）</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="321" />
        <source>  (own photo)</source>
        <translation>（自有头像）</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="327" />
        <location filename="../../widgets/avatars/pane.py" line="329" />
        <source>confusable with {0} ({1:.1f} ΔE)</source>
        <translation>与 {0} 易混淆（{1:.1f} ΔE）</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="334" />
        <source>Rows {0}–{1} of {2}, kept apart within {3} rows. </source>
        <translation>第 {0}–{1} 行（共 {2} 行），相距 {3} 行以内互不混淆。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="338" />
        <source>&lt;span style='color:#c0392b'&gt;&lt;b&gt;{0} confusable pair(s)&lt;/b&gt;&lt;/span&gt; among {1} default avatars (threshold {2:.0f} ΔE).</source>
        <translation>{1} 个默认头像中有 &lt;span style='color:#c0392b'&gt;&lt;b&gt;{0} 对易混淆&lt;/b&gt;&lt;/span&gt;（阈值 {2:.0f} ΔE）。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="344" />
        <source>{0} members, {1} default avatars, none confusable: closest pair {2} ΔE (threshold {3:.0f}).</source>
        <translation>{0} 名成员，{1} 个默认头像，无易混淆：最近的一对 {2} ΔE（阈值 {3:.0f}）。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="377" />
        <source>Regenerating avatar</source>
        <translation>正在重新生成头像</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="378" />
        <source>The avatar of {0} is locked; unlock it to regenerate.</source>
        <translation>{0} 的头像已锁定；请先解锁再重新生成。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="380" />
        <source>New avatar for {0}.</source>
        <translation>已为 {0} 生成新头像。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="389" />
        <source>Locking avatar</source>
        <translation>正在锁定头像</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="390" />
        <source>Avatar of {0} locked.</source>
        <translation>{0} 的头像已锁定。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="391" />
        <source>Avatar of {0} unlocked.</source>
        <translation>{0} 的头像已解锁。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="399" />
        <source>Select a candidate picture first, then press “Use selected candidate”.</source>
        <translation>请先选择一张候选图片，再点击“使用所选候选”。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="404" />
        <source>Overriding avatar</source>
        <translation>正在指定头像</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="405" />
        <source>{0} now shows {1} (locked).</source>
        <translation>{0} 现在显示 {1}（已锁定）。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="413" />
        <source>Assigning avatars</source>
        <translation>正在分配头像</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="415" />
        <source>{0} assigned, {1} kept, {2} changed, {3} locked.</source>
        <translation>新分配 {0}，保留 {1}，变更 {2}，锁定 {3}。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="429" />
        <source>Saving settings</source>
        <translation>正在保存设置</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/pane.py" line="432" />
        <source>Settings saved; new assignments use them.</source>
        <translation>设置已保存；新的分配将使用这些设置。</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="54" />
        <location filename="../../widgets/avatars/library_view.py" line="129" />
        <source>All themes</source>
        <translation>全部主题</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="56" />
        <source>Search id, title or tag…</source>
        <translation>搜索 ID、标题或标签…</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="59" />
        <source>Add picture…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="62" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="78" />
        <source>Select a picture to see and edit its tags.</source>
        <translation>选择一张图片以查看和编辑其标签。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="82" />
        <source>family:value=weight, …</source>
        <translation>类别:值=权重, …</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="84" />
        <source>Save tags</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="85" />
        <source>Offer this picture</source>
        <translation>提供此图片</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="90" />
        <source>Tags (weights 0–1; theme:, motif:, age:, region:, activity:)</source>
        <translation>标签（权重 0–1；theme:、motif:、age:、region:、activity:）</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="121" />
        <source>Loading avatar library</source>
        <translation>正在加载头像图片库</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="139" />
        <source>{0} pictures</source>
        <translation>{0} 张图片</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="150" />
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1} · theme {2} · style {3} · {4}&lt;br&gt;used by {5} users</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1} · 主题 {2} · 风格 {3} · {4}&lt;br&gt;{5} 位用户在用</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="169" />
        <source>Saving tags</source>
        <translation>正在保存标签</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="176" />
        <source>Tags of {0} saved.</source>
        <translation>{0} 的标签已保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="187" />
        <source>Updating picture</source>
        <translation>正在更新图片</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="192" />
        <source>Add picture</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="193" />
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.json)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="207" />
        <source>Adding picture</source>
        <translation>正在添加图片</translation>
    </message>
    <message>
        <location filename="../../widgets/avatars/library_view.py" line="211" />
        <source>Added {0} to the library.</source>
        <translation>已将 {0} 添加到图片库。</translation>
    </message>
</context>
</TS>