<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>LoginScreen</name>
    <message>
        <source>身份证登录</source>
        <translation>ID-card login</translation>
    </message>
    <message>
        <source>请把证件放在屏幕下方的读卡区</source>
        <translation>Place your card on the reader below the screen</translation>
    </message>
    <message>
        <source>1. 证件正面朝上，平放在带有身份证图标的读卡区。
2. 保持不动约一秒，屏幕上出现欢迎信息即登录成功。
3. 在任何页面放上证件都可以登录。</source>
        <translation>1. Lay the card flat, face up, on the reader marked with the ID-card symbol.
2. Hold it still for about a second: a welcome message shows you are logged in.
3. You can place your card on any page to log in.</translation>
    </message>
    <message>
        <source>可以使用：居民身份证、港澳台居民居住证、外国人永久居留身份证。</source>
        <translation>Accepted: resident ID card, residence permit for Hong Kong, Macao and Taiwan residents, foreign permanent resident ID card.</translation>
    </message>
    <message>
        <source>您的证件号码不会完整显示，也不会被朗读或记录。点击「退出登录」或「结束」后，本机立即清除您的信息。</source>
        <translation>Your ID number is never shown in full, read aloud or recorded. When you tap “Log out” or “Finish”, this kiosk erases your information at once.</translation>
    </message>
    <message>
        <source>读卡区</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>演示模式：本机未连接读卡器，可放置演示证件试用</source>
        <translation>Demo mode: no card reader connected. Place a demo card:</translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>长期有效身份证</source>
        <translation>Long-term ID card</translation>
    </message>
    <message>
        <source>港澳台居民居住证</source>
        <translation>HK/Macao/Taiwan permit</translation>
    </message>
    <message>
        <source>外国人永居证（2017版）</source>
        <translation>Foreign card 2017</translation>
    </message>
    <message>
        <source>外国人永居证（2023版）</source>
        <translation>Foreign card 2023</translation>
    </message>
    <message>
        <source>过期证件（会被拒绝）</source>
        <translation>Expired (refused)</translation>
    </message>
    <message>
        <source>号码有误（会被拒绝）</source>
        <translation>Bad number (refused)</translation>
    </message>
    <message>
        <source>演示读卡器还没有准备好，请稍后再试。</source>
        <translation>The demo reader is not ready yet. Please try again in a moment.</translation>
    </message>
    <message>
        <source>已放置演示证件，正在读取……</source>
        <translation>Demo card placed, reading…</translation>
    </message>
    <message>
        <source>您已登录：%1</source>
        <translation>You are logged in: %1</translation>
    </message>
    <message>
        <source>读卡器暂时不能使用，请到服务窗口由工作人员帮您办理。</source>
        <translation>The card reader cannot be used right now. Please ask the staff at a service window.</translation>
    </message>
</context>
<context>
    <name>LoginOverlay</name>
    <message>
        <source>居民身份证</source>
        <translation>resident ID card</translation>
    </message>
    <message>
        <source>港澳台居民居住证</source>
        <translation>residence permit for Hong Kong, Macao and Taiwan residents</translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation>foreign permanent resident ID card</translation>
    </message>
    <message>
        <source>这张证件已过有效期，不能用于登录。请使用有效证件，或到服务窗口由工作人员帮您办理。</source>
        <translation>This card has expired and cannot be used to log in. Please use a valid card, or ask the staff at a service window.</translation>
    </message>
    <message>
        <source>这张证件还未到有效期开始日期，暂不能用于登录。请到服务窗口由工作人员帮您办理。</source>
        <translation>This card is not valid yet and cannot be used to log in. Please ask the staff at a service window.</translation>
    </message>
    <message>
        <source>这张证件的信息未通过校验，不能用于登录。请到服务窗口由工作人员帮您核实。</source>
        <translation>The data on this card did not pass its checks, so it cannot be used to log in. Please ask the staff at a service window.</translation>
    </message>
    <message>
        <source>没能读清这张证件。请把证件平放在读卡区，保持不动，稍等一两秒再试。</source>
        <translation>The card could not be read. Please lay it flat on the reader, hold it still and wait a second or two.</translation>
    </message>
    <message>
        <source>欢迎您</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>欢迎您，%1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <source>您已使用%1登录。办理时将自动带入您的姓名和证件号码。</source>
        <translation>You are logged in with your %1. Your name and ID number will be filled in for you.</translation>
    </message>
    <message>
        <source>证件号码 %1</source>
        <translation>ID number %1</translation>
    </message>
    <message>
        <source>开始办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>无法使用这张证件登录</source>
        <translation>This card cannot be used to log in</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>退出登录（已登录 %1）</source>
        <translation>Log out (logged in: %1)</translation>
    </message>
</context>
</TS>
