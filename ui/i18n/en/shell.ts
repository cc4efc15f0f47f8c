<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttractScreen</name>
    <message>
        <source>欢迎使用公共法律服务自助终端</source>
        <translation>Welcome to the public legal service self-service kiosk</translation>
    </message>
    <message>
        <source>查法律、找律师、看案例、办咨询，一站式自助服务</source>
        <translation>Look up laws, find lawyers, read cases, ask for advice: all in one place</translation>
    </message>
    <message>
        <source>所有服务免费。离开时请点击「结束」，您的信息将被清除</source>
        <translation>All services are free. When you leave, tap “Finish” and your information is erased</translation>
    </message>
    <message>
        <source>轻触屏幕开始</source>
        <translation>Touch the screen to start</translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <source>即将开通</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <source>「%1」即将开通</source>
        <translation>“%1” is coming soon</translation>
    </message>
    <message>
        <source>该服务即将开通</source>
        <translation>This service is coming soon</translation>
    </message>
    <message>
        <source>这项服务正在准备中，敬请期待。需要帮助请到服务窗口咨询，或拨打 %1。</source>
        <translation>This service is being prepared. For help, please ask at a service window or call %1.</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Back to Home</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>您好！请选择要办理的服务</source>
        <translation>Hello! Please choose a service</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>还需要更多时间吗？</source>
        <translation>Do you need more time?</translation>
    </message>
    <message>
        <source>继续使用</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>结束并清除我的信息</source>
        <translation>Finish and erase my information</translation>
    </message>
    <message>
        <source>%1 秒后将结束本次服务并清除您填写的信息</source>
        <translation>In %1 seconds this session ends and what you entered is erased</translation>
    </message>
</context>
<context>
    <name>RecoveryScreen</name>
    <message>
        <source>系统正在恢复</source>
        <translation>The system is recovering</translation>
    </message>
    <message>
        <source>请稍候，马上为您回到首页。您已提交的内容不会丢失。</source>
        <translation>Please wait, returning to Home. Nothing you submitted is lost.</translation>
    </message>
</context>
<context>
    <name>ServiceTile</name>
    <message>
        <source>法律法规</source>
        <translation>Laws</translation>
    </message>
    <message>
        <source>按名称或关键词查法律条文</source>
        <translation>Find law articles by title or keyword</translation>
    </message>
    <message>
        <source>律师与机构</source>
        <translation>Lawyers &amp; institutions</translation>
    </message>
    <message>
        <source>律师、律所、公证、法律援助机构及其奖惩</source>
        <translation>Lawyers, law firms, notaries, legal aid, with awards and penalties</translation>
    </message>
    <message>
        <source>案例与问答</source>
        <translation>Cases &amp; Q&amp;A</translation>
    </message>
    <message>
        <source>典型案例和常见法律问题</source>
        <translation>Typical cases and common legal questions</translation>
    </message>
    <message>
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <source>所需材料、办理流程和窗口</source>
        <translation>Documents needed, steps and windows</translation>
    </message>
    <message>
        <source>法律咨询</source>
        <translation>Legal consultation</translation>
    </message>
    <message>
        <source>留下您的问题，专业人员答复</source>
        <translation>Leave your question; a professional answers</translation>
    </message>
    <message>
        <source>投诉建议</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>对法律服务的投诉和建议</source>
        <translation>Complaints and suggestions about legal services</translation>
    </message>
    <message>
        <source>我的办件</source>
        <translation>My submissions</translation>
    </message>
    <message>
        <source>查看回执、答复并评价</source>
        <translation>Receipts, answers and rating</translation>
    </message>
    <message>
        <source>手机继续办</source>
        <translation>Continue on phone</translation>
    </message>
    <message>
        <source>扫码在微信小程序中继续办理</source>
        <translation>Scan to continue in the WeChat Mini Program</translation>
    </message>
    <message>
        <source>身份证登录</source>
        <translation>ID card login</translation>
    </message>
    <message>
        <source>刷身份证，免填个人信息</source>
        <translation>Place your ID card to skip typing your details</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>切换语言</source>
        <translation>Switch language</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>大字</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>高对比</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>离线服务</source>
        <translation>Offline</translation>
    </message>
</context>
</TS>
