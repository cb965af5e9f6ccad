<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>JobsIndicator</name>
    <message>
        <location filename="../../console/jobs_bar.py" line="19" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/jobs_bar.py" line="20" />
        <source>Cancel the running job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/jobs_bar.py" line="56" />
        <source>+{0} more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/jobs_bar.py" line="59" />
        <source>Cancel “{0}”</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="37" />
        <source>Operator Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="51" />
        <source>No panes are installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="130" />
        <source>Workspace: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="138" />
        <source>Cannot open workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="144" />
        <source>Open workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="145" />
        <source>SQLite workspace (*.sqlite *.db)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="151" />
        <source>Open database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="152" />
        <source>Database URL (sqlite:///file or postgresql+psycopg://user@host/db):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="158" />
        <source>New workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="159" />
        <source>SQLite workspace (*.sqlite)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="171" />
        <source>Replace workspace data?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="172" />
        <source>This workspace already holds data. Replace everything in it with the demo workspace?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="176" />
        <source>Building demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="182" />
        <source>&amp;Workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="183" />
        <source>&amp;Open…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="184" />
        <source>Open &amp;database URL…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="185" />
        <source>&amp;New…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="186" />
        <source>Load &amp;demo data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="188" />
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="190" />
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="192" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="194" />
        <source>&amp;Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="194" />
        <source>&amp;Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="200" />
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="208" />
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="209" />
        <source>&amp;About Operator Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="223" />
        <source>The language changes when you restart Operator Console.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="234" />
        <source>About Operator Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="235" />
        <source>&lt;b&gt;Operator Console&lt;/b&gt;&lt;br&gt;Customer profiles, fraud review, default avatars, expression capture and dwell-time nudges in one place.&lt;br&gt;&lt;br&gt;Workspace: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/main_window.py" line="265" />
        <source>Settings not saved: {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../console/notifier.py" line="34" />
        <source>Unexpected error: {0}: {1}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../console/settings_dialog.py" line="12" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/settings_dialog.py" line="16" />
        <source>face_landmarker.task (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/settings_dialog.py" line="20" />
        <source>Your name (recorded with edits):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/settings_dialog.py" line="21" />
        <source>Face model file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../console/settings_dialog.py" line="22" />
        <source>Nudge webhook URL:</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>