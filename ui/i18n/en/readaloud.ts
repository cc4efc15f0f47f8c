<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ReadAloud</name>
    <message>
        <source>已打开</source>
        <translation>on</translation>
    </message>
    <message>
        <source>已关闭</source>
        <translation>off</translation>
    </message>
    <message>
        <source>音量 %1%</source>
        <translation>Volume %1 percent</translation>
    </message>
    <message>
        <source>语速 %1</source>
        <translation>Speed %1</translation>
    </message>
    <message>
        <source>朗读已打开。</source>
        <translation>Read aloud is on. </translation>
    </message>
</context>
<context>
    <name>ReadAloudButton</name>
    <message>
        <source>朗读本页</source>
        <translation>Read this aloud</translation>
    </message>
</context>
<context>
    <name>CaptionBar</name>
    <message>
        <source>再听一遍</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>音量−</source>
        <translation>Vol −</translation>
    </message>
    <message>
        <source>小声一点</source>
        <translation>Quieter</translation>
    </message>
    <message>
        <source>音量+</source>
        <translation>Vol +</translation>
    </message>
    <message>
        <source>大声一点</source>
        <translation>Louder</translation>
    </message>
    <message>
        <source>慢一点</source>
        <translation>Slower</translation>
    </message>
    <message>
        <source>快一点</source>
        <translation>Faster</translation>
    </message>
    <message>
        <source>暂无声音，仅显示文字</source>
        <translation>No sound: captions only</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>朗读
(仅字幕)</source>
        <translation>Read aloud
(captions only)</translation>
    </message>
    <message>
        <source>朗读，暂无声音，仅显示字幕</source>
        <translation>Read aloud: no sound, captions only</translation>
    </message>
</context>
</TS>
