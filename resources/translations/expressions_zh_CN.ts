<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Expressions</name>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="18" />
        <source>neutral</source>
        <translation>平静</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="19" />
        <source>happy</source>
        <translation>高兴</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="20" />
        <source>sad</source>
        <translation>难过</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="21" />
        <source>surprised</source>
        <translation>惊讶</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="22" />
        <source>angry</source>
        <translation>生气</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="23" />
        <source>disgusted</source>
        <translation>厌恶</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="24" />
        <source>fearful</source>
        <translation>害怕</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="27" />
        <source>smile</source>
        <translation>微笑</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="28" />
        <source>cheek</source>
        <translation>脸颊上提</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="29" />
        <source>squint</source>
        <translation>眯眼</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="30" />
        <source>blink</source>
        <translation>闭眼</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="31" />
        <source>brow down</source>
        <translation>皱眉</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="32" />
        <source>brow inner up</source>
        <translation>眉内侧上扬</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="33" />
        <source>brow outer up</source>
        <translation>眉外侧上扬</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="34" />
        <source>eye wide</source>
        <translation>睁大眼</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="35" />
        <source>jaw open</source>
        <translation>张嘴</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="36" />
        <source>frown</source>
        <translation>嘴角下垂</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="37" />
        <source>stretch</source>
        <translation>嘴角拉伸</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="38" />
        <source>upper up</source>
        <translation>上唇上提</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="39" />
        <source>lower down</source>
        <translation>下唇下拉</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="40" />
        <source>sneer</source>
        <translation>皱鼻</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="41" />
        <source>press</source>
        <translation>抿嘴</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="42" />
        <source>pucker</source>
        <translation>噘嘴</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="91" />
        <source>frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/plots.py" line="92" />
        <source>probability</source>
        <translation>概率</translation>
    </message>
</context>
<context>
    <name>ExpressionsPane</name>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="39" />
        <source>Download face model (3.7 MB)</source>
        <translation>下载人脸模型（3.7 MB）</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="40" />
        <source>From MediaPipe's official model URL; the checksum is verified before it is used</source>
        <translation>从 MediaPipe 官方模型地址下载；使用前校验 SHA256</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="47" />
        <source>Demo video</source>
        <translation>演示视频</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="47" />
        <source>Webcam</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="48" />
        <source>Video file</source>
        <translation>视频文件</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="48" />
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="52" />
        <source>index </source>
        <translation>编号 </translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="54" />
        <source>video file, or images separated by ;</source>
        <translation>视频文件，或以 ; 分隔的多张图片</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="55" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="60" />
        <source>Customer id whose history decides the content</source>
        <translation>按该客户的历史行为决定推送内容（客户 ID）</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="61" />
        <location filename="../../widgets/expressions/pane.py" line="318" />
        <source>Start preview</source>
        <translation>开始预览</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="66" />
        <source>Capture N frames</source>
        <translation>采集 N 帧</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="73" />
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="79" />
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="83" />
        <source>N =</source>
        <translation>N =</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="88" />
        <source>No preview yet: choose a source and press Start preview.</source>
        <translation>尚无预览：请选择来源并点击“开始预览”。</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="104" />
        <source>Live blendshapes</source>
        <translation>实时表情系数</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="106" />
        <source>Expression timeline</source>
        <translation>表情时间线</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="121" />
        <location filename="../../widgets/expressions/pane.py" line="458" />
        <source>Push to user</source>
        <translation>推送给用户</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="124" />
        <source>Capture result</source>
        <translation>采集结果</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="126" />
        <source>Expression:</source>
        <translation>表情：</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="127" />
        <source>Frames:</source>
        <translation>帧数：</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="128" />
        <source>Behaviour label:</source>
        <translation>行为标签：</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="129" />
        <source>Would push:</source>
        <translation>将推送：</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="130" />
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="156" />
        <source>Recent pushes</source>
        <translation>最近推送</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="187" />
        <source>Loading expressions</source>
        <translation>正在加载表情数据</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="219" />
        <source>Demo video, peak frame {0} (press Start preview for the live view)</source>
        <translation>演示视频，峰值帧 {0}（点击“开始预览”查看实时画面）</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="243" />
        <source>Choose a video</source>
        <translation>选择视频</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="244" />
        <source>Videos (*.avi *.mp4 *.mov *.mkv *.webm)</source>
        <translation>视频 (*.avi *.mp4 *.mov *.mkv *.webm)</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="248" />
        <source>Choose images</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="249" />
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="259" />
        <source>The demo video is not available (sample photos missing); choose a video file or images.</source>
        <translation>演示视频不可用（缺少示例照片）；请选择视频文件或图片。</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="264" />
        <source>Choose a file first (Browse…).</source>
        <translation>请先选择文件（浏览…）。</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="305" />
        <source>Stop preview</source>
        <translation>停止预览</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="328" />
        <source>Preview stopped. Files still work: choose Video file or Images.</source>
        <translation>预览已停止。仍可使用文件：请选择“视频文件”或“图片”。</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="362" />
        <source>Preview {0:.1f} fps · face model {1:.0f} ms/frame, {2:.0%} of frames classified · {3} dropped</source>
        <translation>预览 {0:.1f} 帧/秒 · 人脸模型 {1:.0f} 毫秒/帧，{2:.0%} 的帧已识别 · 丢弃 {3} 帧</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="396" />
        <source>Choose the user the capture is for.</source>
        <translation>请选择本次采集对应的用户。</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="401" />
        <source>capturing {0} frames…</source>
        <translation>正在采集 {0} 帧…</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="413" />
        <source>Classifying capture</source>
        <translation>正在识别采集的表情</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="422" />
        <source>Pushing content</source>
        <translation>正在推送内容</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="428" />
        <source>Pushed “{0}” to {1}</source>
        <translation>已将“{0}”推送给 {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="434" />
        <source>nothing suitable in the catalogue</source>
        <translation>曲库中没有合适的内容</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="456" />
        <source>Pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="465" />
        <source>{0} of {1} frames had a face</source>
        <translation>{1} 帧中有 {0} 帧检测到人脸</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/pane.py" line="476" />
        <source>Downloading face model</source>
        <translation>正在下载人脸模型</translation>
    </message>
</context>
<context>
    <name>PreviewWorker</name>
    <message>
        <location filename="../../widgets/expressions/preview.py" line="240" />
        <source>The camera stopped delivering frames.</source>
        <translation>摄像头已停止输出画面。</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/preview.py" line="242" />
        <source>{0}: no readable frames</source>
        <translation>{0}：没有可读取的画面</translation>
    </message>
</context>
<context>
    <name>PushesModel</name>
    <message>
        <location filename="../../widgets/expressions/models.py" line="18" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/models.py" line="18" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/models.py" line="18" />
        <source>Expression</source>
        <translation>表情</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/models.py" line="19" />
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/models.py" line="19" />
        <source>Behaviour label</source>
        <translation>行为标签</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/models.py" line="19" />
        <source>Pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <location filename="../../widgets/expressions/models.py" line="20" />
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
</context>
</TS>