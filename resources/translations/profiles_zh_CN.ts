<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClosenessView</name>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="32" />
        <source>closeness (0–100)</source>
        <translation>亲密度 (0–100)</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="36" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="36" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="37" />
        <source>Friend</source>
        <translation>好友</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="37" />
        <source>Groups</source>
        <translation>共同群</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="38" />
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="38" />
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="39" />
        <source>Reciprocity</source>
        <translation>互动对等</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="46" />
        <source>Open this colleague's conversation</source>
        <translation>打开该同事的会话</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../widgets/profiles/conversation.py" line="34" />
        <source>(picture hidden until personal data is revealed)</source>
        <translation>（查看个人信息后显示图片）</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/conversation.py" line="36" />
        <source>(not a readable image)</source>
        <translation>（无法读取的图片）</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/conversation.py" line="37" />
        <source>image</source>
        <translation>图片</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../widgets/profiles/models.py" line="29" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/models.py" line="29" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/models.py" line="29" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/models.py" line="29" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/models.py" line="30" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/models.py" line="30" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/models.py" line="30" />
        <source>To review</source>
        <translation>待审核</translation>
    </message>
</context>
<context>
    <name>ProfileCardView</name>
    <message>
        <location filename="../../widgets/profiles/card.py" line="33" />
        <source>Reveal personal data</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="34" />
        <source>Phone, ID number, e-mail, address… are masked; revealing is logged</source>
        <translation>电话、身份证号、邮箱、地址等已脱敏；查看明文会被记录</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="36" />
        <location filename="../../widgets/profiles/card.py" line="66" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="36" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="37" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="37" />
        <source>Conf.</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="38" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="38" />
        <source>Seen</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="39" />
        <location filename="../../widgets/profiles/card.py" line="68" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="52" />
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="53" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="59" />
        <source>New or corrected value</source>
        <translation>新值或更正值</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="60" />
        <source>Save value</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="61" />
        <source>Corrects the selected row, or adds a value for the chosen field</source>
        <translation>修改所选行，或为所选字段添加新值</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="66" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="67" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="67" />
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="68" />
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="104" />
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="104" />
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="104" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="105" />
        <source>e-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="105" />
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="105" />
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="106" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="106" />
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="106" />
        <source>age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="107" />
        <source>company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="107" />
        <source>job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="107" />
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="108" />
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="108" />
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="108" />
        <source>interests</source>
        <translation>兴趣</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="109" />
        <source>family</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="109" />
        <source>intent</source>
        <translation>意向</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="109" />
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="110" />
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="110" />
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="111" />
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="111" />
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="111" />
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="112" />
        <source>QR</source>
        <translation>二维码</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="112" />
        <source>directory</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="112" />
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="116" />
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="116" />
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="116" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="117" />
        <source>married</source>
        <translation>已婚</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="117" />
        <source>has children</source>
        <translation>有孩子</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="118" />
        <source>single</source>
        <translation>单身</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="118" />
        <source>divorced</source>
        <translation>离异</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="119" />
        <source>expecting a baby</source>
        <translation>待产</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="119" />
        <source>buying</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="120" />
        <source>comparing</source>
        <translation>比价</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="120" />
        <source>complaining</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="121" />
        <source>inquiring</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="121" />
        <source>cancelling</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="122" />
        <source>travel</source>
        <translation>旅行</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="122" />
        <source>sports</source>
        <translation>运动</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="122" />
        <source>outdoors</source>
        <translation>户外</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="123" />
        <source>food</source>
        <translation>美食</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="123" />
        <source>music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="123" />
        <source>reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="124" />
        <source>photography</source>
        <translation>摄影</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="124" />
        <source>gaming</source>
        <translation>游戏</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="125" />
        <source>investing</source>
        <translation>投资理财</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="125" />
        <source>cars</source>
        <translation>汽车</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="125" />
        <source>fashion</source>
        <translation>时尚</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="126" />
        <source>beauty</source>
        <translation>美妆护肤</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="126" />
        <source>pets</source>
        <translation>宠物</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="126" />
        <source>tech</source>
        <translation>数码科技</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="127" />
        <source>art</source>
        <translation>艺术</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="127" />
        <source>movies</source>
        <translation>影视</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="170" />
        <source>from message</source>
        <translation>来自消息</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="170" />
        <source>read from image in message</source>
        <translation>识别自消息图片</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="171" />
        <source>QR code in message</source>
        <translation>消息中的二维码</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="171" />
        <source>IM directory</source>
        <translation>IM 用户资料</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="172" />
        <source>typed by staff</source>
        <translation>员工录入</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="177" />
        <source>Select a field to see where it came from and its history.</source>
        <translation>选择一个字段，查看来源和历史。</translation>
    </message>
</context>
<context>
    <name>ProfilesPane</name>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="42" />
        <source>Search name, phone, company, id…</source>
        <translation>搜索姓名、电话、公司、ID…</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="47" />
        <source>any field</source>
        <translation>全部字段</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="49" />
        <source>has %1</source>
        <translation>有 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="50" />
        <source>Show phones</source>
        <translation>显示电话</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="81" />
        <source>Highlighted: &lt;span style='background:#ffe58f;color:#111'&gt;suggested&lt;/span&gt; &lt;span style='background:#b7eb8f;color:#111'&gt;accepted&lt;/span&gt; — click a suggestion to accept it</source>
        <translation>高亮：&lt;span style='background:#ffe58f;color:#111'&gt;建议&lt;/span&gt; &lt;span style='background:#b7eb8f;color:#111'&gt;已采纳&lt;/span&gt; — 点击建议即可采纳</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="95" />
        <source>Profile</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="96" />
        <source>Tags &amp;&amp; notes</source>
        <translation>标签和备注</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="97" />
        <source>Closeness</source>
        <translation>亲密度</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="98" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="100" />
        <source>Import chats…</source>
        <translation>导入聊天…</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="101" />
        <source>Read images</source>
        <translation>识别图片</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="102" />
        <source>Run OCR and QR decoding on this customer's images</source>
        <translation>对该客户发送的图片做文字识别和二维码解码</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="103" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="151" />
        <source>Loading filters</source>
        <translation>正在加载筛选项</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="157" />
        <source>any tag</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="158" />
        <source>any city</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="174" />
        <source>Loading customers</source>
        <translation>正在加载客户</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="179" />
        <source>%1 customers</source>
        <translation>%1 位客户</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="201" />
        <source>Loading profile</source>
        <translation>正在加载画像</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="217" />
        <source>group %1</source>
        <translation>群 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="218" />
        <source>with %1</source>
        <translation>与 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="239" />
        <source>Saving profile change</source>
        <translation>正在保存画像修改</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="264" />
        <source>Reading images</source>
        <translation>正在识别图片</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="271" />
        <source>%1 images read, %2 new suggestions</source>
        <translation>已识别 %1 张图片，新增 %2 条建议</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="276" />
        <source>Import chats or directory events</source>
        <translation>导入聊天记录或好友事件</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="277" />
        <source>Chat files (*.jsonl *.json);;All files (*)</source>
        <translation>聊天文件 (*.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="283" />
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="288" />
        <source>Imported %1 messages, %2 suggestions</source>
        <translation>已导入 %1 条消息，%2 条建议</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="309" />
        <source>live updates on</source>
        <translation>实时同步已开启</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/pane.py" line="314" />
        <source>refreshing every %1 s</source>
        <translation>每 %1 秒刷新</translation>
    </message>
</context>
<context>
    <name>TagsNotesView</name>
    <message>
        <location filename="../../widgets/profiles/card.py" line="217" />
        <source>Add a tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="220" />
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="222" />
        <source>Remove selected tag</source>
        <translation>删除所选标签</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="229" />
        <source>Write a note for colleagues…</source>
        <translation>给同事写备注…</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="231" />
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="234" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/card.py" line="241" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="97" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="97" />
        <source>Operation</source>
        <translation>行为</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="98" />
        <source>Towards</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="98" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../widgets/profiles/charts.py" line="99" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
</TS>