<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Handoff</name>
    <message>
        <source>在手机上继续</source>
        <translation>Continue on your phone</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>生成新二维码</source>
        <translation>New code</translation>
    </message>
    <message>
        <source>返回，在本机提交</source>
        <translation>Back, to submit here</translation>
    </message>
    <message>
        <source>返回，在本机阅读</source>
        <translation>Back, to keep reading here</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>正在生成二维码…</source>
        <translation>Making the code…</translation>
    </message>
    <message>
        <source>此二维码长期有效</source>
        <translation>This code does not expire</translation>
    </message>
    <message>
        <source>二维码只包含公开内容的链接，不含任何个人信息。</source>
        <translation>The code holds only a link to public content, no personal data.</translation>
    </message>
    <message>
        <source>二维码 %1 后失效</source>
        <translation>Code expires in %1</translation>
    </message>
    <message>
        <source>二维码只含一次性口令，不含您的个人信息；扫码后请在手机上继续。</source>
        <translation>The code holds a one-time key, none of your personal data; scan it and continue on your phone.</translation>
    </message>
    <message>
        <source>二维码已过期，请点击下方按钮生成新的二维码。</source>
        <translation>The code has expired. Tap the button below for a new one.</translation>
    </message>
    <message>
        <source>在法律条文、机构和人员、案例、问答、办事指南页面，以及咨询和投诉表单、回执页面，点击「在手机上继续」，即可生成二维码，用微信扫码后在手机上继续。</source>
        <translation>On a law, an institution or practitioner, a case, a Q&amp;A or a service guide, on the consultation and complaint forms and on receipts, tap "Continue on your phone" for a code; scan it with WeChat and carry on on your phone.</translation>
    </message>
    <message>
        <source>二维码已过期</source>
        <translation>This code has expired</translation>
    </message>
    <message>
        <source>编号：%1</source>
        <translation>Number: %1</translation>
    </message>
    <message>
        <source>本机暂时无法连接网络，在手机上继续需要联网。</source>
        <translation>The kiosk is offline right now; continuing on the phone needs the network.</translation>
    </message>
    <message>
        <source>暂时无法生成二维码。</source>
        <translation>A code cannot be made right now.</translation>
    </message>
    <message>
        <source>本机暂不支持在手机上继续。</source>
        <translation>This kiosk cannot hand over to a phone.</translation>
    </message>
    <message>
        <source>您可以在本机直接填写并提交，提交后会得到回执编号。</source>
        <translation>You can fill in and submit here; you get a receipt number.</translation>
    </message>
    <message>
        <source>请记下回执编号，之后可在本机或微信小程序中用编号查询。</source>
        <translation>Note your receipt number; look it up later here or in the WeChat Mini Program.</translation>
    </message>
    <message>
        <source>您可以在本机继续阅读。</source>
        <translation>You can keep reading here.</translation>
    </message>
    <message>
        <source>在手机上继续填写</source>
        <translation>Continue filling in on your phone</translation>
    </message>
    <message>
        <source>扫码后可以在手机上接着填写、补充照片和材料。为保护您的隐私，姓名和手机号不会随二维码带走，请在手机上重新填写。</source>
        <translation>After scanning you can go on filling in on your phone and add photos and documents. To protect your privacy your name and mobile number do not go with the code: please enter them again on the phone.</translation>
    </message>
    <message>
        <source>在手机上查看办理进度</source>
        <translation>Follow your case on your phone</translation>
    </message>
    <message>
        <source>在手机上继续阅读</source>
        <translation>Continue reading on your phone</translation>
    </message>
    <message>
        <source>① 打开微信
② 点右上角「+」，选「扫一扫」
③ 对准左侧二维码</source>
        <translation>① Open WeChat
② Tap "+" at the top right, choose "Scan"
③ Point it at the code on the left</translation>
    </message>
    <message>
        <source>微信小程序二维码</source>
        <translation>WeChat Mini Program QR code</translation>
    </message>
    <message>
        <source>微信扫码，在手机上查看进度</source>
        <translation>Scan with WeChat to follow it on your phone</translation>
    </message>
    <message>
        <source>二维码已过期，可以生成新的二维码。</source>
        <translation>The code has expired; you can make a new one.</translation>
    </message>
    <message>
        <source>在手机上查看进度需要联网，本机暂时无法连接。请记下左侧的编号，之后可在本机「我的办件」或微信小程序中用编号查询。</source>
        <translation>Following it on the phone needs the network, and this kiosk is offline right now. Please note the number on the left; you can look it up later under "My submissions" here or in the WeChat Mini Program.</translation>
    </message>
</context>
</TS>
