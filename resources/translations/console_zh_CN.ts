<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>JobsIndicator</name>
    <message>
        <location filename="../../console/jobs_bar.py" line="19" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/jobs_bar.py" line="20" />
        <source>Cancel the running job</source>
        <translation>取消正在运行的任务</translation>
    </message>
    <message>
        <location filename="../../console/jobs_bar.py" line="56" />
        <source>+{0} more</source>
        <translation>另有 {0} 项</translation>
    </message>
    <message>
        <location filename="../../console/jobs_bar.py" line="59" />
        <source>Cancel “{0}”</source>
        <translation>取消“{0}”</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="37" />
        <source>Operator Console</source>
        <translation>运营控制台</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="48" />
        <source>No panes are installed.</source>
        <translation>尚未安装任何面板。</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="152" />
        <source>Workspace: {0}</source>
        <translation>工作区：{0}</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="160" />
        <source>Cannot open workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="166" />
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="167" />
        <source>SQLite workspace (*.sqlite *.db)</source>
        <translation>SQLite 工作区 (*.sqlite *.db)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="173" />
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="174" />
        <source>Database URL (sqlite:///file or postgresql+psycopg://user@host/db):</source>
        <translation>数据库 URL（sqlite:///文件 或 postgresql+psycopg://用户@主机/库）：</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="180" />
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="181" />
        <source>SQLite workspace (*.sqlite)</source>
        <translation>SQLite 工作区 (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="193" />
        <source>Replace workspace data?</source>
        <translation>替换工作区数据？</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="194" />
        <source>This workspace already holds data. Replace everything in it with the demo workspace?</source>
        <translation>此工作区已有数据。是否用演示数据替换其中的全部内容？</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="198" />
        <source>Building demo</source>
        <translation>正在生成演示数据</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="204" />
        <source>&amp;Workspace</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="205" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="206" />
        <source>Open &amp;database URL…</source>
        <translation>打开数据库 URL(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="207" />
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="208" />
        <source>Load &amp;demo data</source>
        <translation>载入演示数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="210" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="212" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="214" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="216" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="216" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="222" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="230" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="231" />
        <source>&amp;About Operator Console</source>
        <translation>关于运营控制台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="245" />
        <source>The language changes when you restart Operator Console.</source>
        <translation>重新启动运营控制台后语言设置生效。</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="256" />
        <source>About Operator Console</source>
        <translation>关于运营控制台</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="257" />
        <source>&lt;b&gt;Operator Console&lt;/b&gt;&lt;br&gt;Customer profiles, fraud review, default avatars, expression capture and dwell-time nudges in one place.&lt;br&gt;&lt;br&gt;Workspace: {0}</source>
        <translation>&lt;b&gt;运营控制台&lt;/b&gt;&lt;br&gt;客户画像、作弊团伙审核、默认头像、表情采集与停留提醒，集于一处。&lt;br&gt;&lt;br&gt;工作区：{0}</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="287" />
        <source>Settings not saved: {0}</source>
        <translation>设置未保存：{0}</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../console/notifier.py" line="34" />
        <source>Unexpected error: {0}: {1}</source>
        <translation>意外错误：{0}：{1}</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <location filename="../../console/panes.py" line="28" />
        <source>Customer profiles</source>
        <translation>客户画像</translation>
    </message>
    <message>
        <location filename="../../console/panes.py" line="29" />
        <source>Fraud groups</source>
        <translation>作弊团伙</translation>
    </message>
    <message>
        <location filename="../../console/panes.py" line="30" />
        <source>Default avatars</source>
        <translation>默认头像</translation>
    </message>
    <message>
        <location filename="../../console/panes.py" line="31" />
        <source>Expression capture</source>
        <translation>表情采集</translation>
    </message>
    <message>
        <location filename="../../console/panes.py" line="33" />
        <source>Dwell-time nudges</source>
        <translation>停留提醒</translation>
    </message>
    <message>
        <location filename="../../console/panes.py" line="38" />
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../console/panes.py" line="39" />
        <source>Moderation</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../console/panes.py" line="40" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../console/settings_dialog.py" line="12" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../console/settings_dialog.py" line="16" />
        <source>face_landmarker.task (optional)</source>
        <translation>face_landmarker.task（可选）</translation>
    </message>
    <message>
        <location filename="../../console/settings_dialog.py" line="20" />
        <source>Your name (recorded with edits):</source>
        <translation>您的名字（随修改记录）：</translation>
    </message>
    <message>
        <location filename="../../console/settings_dialog.py" line="21" />
        <source>Face model file:</source>
        <translation>人脸模型文件：</translation>
    </message>
    <message>
        <location filename="../../console/settings_dialog.py" line="22" />
        <source>Nudge webhook URL:</source>
        <translation>提醒 Webhook URL：</translation>
    </message>
</context>
</TS>