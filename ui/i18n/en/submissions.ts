<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
    <context>
        <name>Submissions</name>
        <message>
            <source>在手机上继续填写</source>
            <translation>Continue on my phone</translation>
        </message>
        <message>
            <source>在手机上查看进度</source>
            <translation>Follow on my phone</translation>
        </message>
        <message>
            <source>上下滚动</source>
            <translation>Scroll up and down</translation>
        </message>
        <message>
            <source>这份内容已经提交，不能重复提交</source>
            <translation>This has already been submitted; it cannot be submitted again</translation>
        </message>
        <message>
            <source>联系人姓名</source>
            <translation>Contact name</translation>
        </message>
        <message>
            <source>手机号码（用于查询答复）</source>
            <translation>Mobile number (to look up the answer)</translation>
        </message>
        <message>
            <source>已通过身份证登录：%1（证件号 %2），姓名不可修改</source>
            <translation>Logged in with ID card: %1 (ID %2); the name cannot be changed</translation>
        </message>
        <message>
            <source>服务协议与风险提示</source>
            <translation>Service agreement and risk notice</translation>
        </message>
        <message>
            <source>本机暂不能受理咨询和投诉，请到大厅窗口办理</source>
            <translation>This kiosk cannot take questions or complaints right now; please go to a hall window</translation>
        </message>
        <message>
            <source>我已阅读并同意</source>
            <translation>I have read it and agree</translation>
        </message>
        <message>
            <source>不同意</source>
            <translation>I do not agree</translation>
        </message>
        <message>
            <source>返回首页</source>
            <translation>Back to Home</translation>
        </message>
        <message>
            <source>法律咨询</source>
            <translation>Legal question</translation>
        </message>
        <message>
            <source>提交后，专业人员一般在 %1 小时内答复；可凭编号查询</source>
            <translation>After you submit, a legal professional normally answers within %1 hours; look it up with your number</translation>
        </message>
        <message>
            <source>问题类别</source>
            <translation>Type of question</translation>
        </message>
        <message>
            <source>标题（5 到 50 个字）</source>
            <translation>Subject (5 to 50 characters)</translation>
        </message>
        <message>
            <source>问题内容（10 到 2000 个字）</source>
            <translation>Your question (10 to 2,000 characters)</translation>
        </message>
        <message>
            <source>是否公开（公开时隐去个人信息）</source>
            <translation>Public or not (public questions are shown without personal data)</translation>
        </message>
        <message>
            <source>不公开</source>
            <translation>Private</translation>
        </message>
        <message>
            <source>公开</source>
            <translation>Public</translation>
        </message>
        <message>
            <source>此事是否已经起诉或正由有关机关处理？</source>
            <translation>Is this matter already before a court or being handled by an authority?</translation>
        </message>
        <message>
            <source>没有</source>
            <translation>No</translation>
        </message>
        <message>
            <source>是的</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>改为不公开</source>
            <translation>Make it private</translation>
        </message>
        <message>
            <source>删除这些号码</source>
            <translation>Remove these numbers</translation>
        </message>
        <message>
            <source>下一步：核对</source>
            <translation>Next: check</translation>
        </message>
        <message>
            <source>投诉</source>
            <translation>Complaint</translation>
        </message>
        <message>
            <source>投诉受理后在 %1 日内办理并答复；提交后不能撤回</source>
            <translation>Complaints are handled and answered within %1 days of acceptance; a complaint cannot be withdrawn</translation>
        </message>
        <message>
            <source>投诉类型</source>
            <translation>Type of complaint</translation>
        </message>
        <message>
            <source>从业人员行为</source>
            <translation>Conduct of a practitioner</translation>
        </message>
        <message>
            <source>机构行为</source>
            <translation>Conduct of an institution</translation>
        </message>
        <message>
            <source>服务质量</source>
            <translation>Quality of service</translation>
        </message>
        <message>
            <source>收费</source>
            <translation>Fees</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>被投诉的人员或机构（输入名称可查找）</source>
            <translation>Person or institution complained about (type a name to search)</translation>
        </message>
        <message>
            <source>投诉内容（10 到 2000 个字）</source>
            <translation>Your complaint (10 to 2,000 characters)</translation>
        </message>
        <message>
            <source>核对并提交</source>
            <translation>Check and submit</translation>
        </message>
        <message>
            <source>请核对以下内容。提交后不能撤回或删除；个人信息只用于办理您的事项，不会公开。</source>
            <translation>Please check the following. Once submitted it cannot be withdrawn or deleted; your personal data is used only to handle your matter and is never published.</translation>
        </message>
        <message>
            <source>返回修改</source>
            <translation>Go back and change</translation>
        </message>
        <message>
            <source>确认提交</source>
            <translation>Submit</translation>
        </message>
        <message>
            <source>类别：%1</source>
            <translation>Type: %1</translation>
        </message>
        <message>
            <source>标题：%1</source>
            <translation>Subject: %1</translation>
        </message>
        <message>
            <source>内容：%1</source>
            <translation>Text: %1</translation>
        </message>
        <message>
            <source>公开：%1</source>
            <translation>Public: %1</translation>
        </message>
        <message>
            <source>被投诉对象：%1</source>
            <translation>Complaint about: %1</translation>
        </message>
        <message>
            <source>评价的办件：%1</source>
            <translation>Evaluating: %1</translation>
        </message>
        <message>
            <source>解决程度 %1 分，办理时间 %2 分，办理态度 %3 分</source>
            <translation>Resolution %1, time taken %2, attitude %3</translation>
        </message>
        <message>
            <source>联系人：%1，手机 %2</source>
            <translation>Contact: %1, mobile %2</translation>
        </message>
        <message>
            <source>提交成功</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>您的编号（请拍照或记下）</source>
            <translation>Your number (take a photo or write it down)</translation>
        </message>
        <message>
            <source>扫码用手机查看进度
（暂不可用时请记下编号）</source>
            <translation>Scan to follow it on your phone
(if unavailable, keep the number)</translation>
        </message>
        <message>
            <source>您的咨询已提交</source>
            <translation>Your question has been submitted</translation>
        </message>
        <message>
            <source>您的投诉已提交</source>
            <translation>Your complaint has been submitted</translation>
        </message>
        <message>
            <source>感谢您的评价</source>
            <translation>Thank you for your evaluation</translation>
        </message>
        <message>
            <source>承诺在 %1 小时内答复（%2 前）</source>
            <translation>Promised answer within %1 hours (by %2)</translation>
        </message>
        <message>
            <source>投诉在 %1 日内办理并答复（%2 前）</source>
            <translation>The complaint is handled within %1 days (by %2)</translation>
        </message>
        <message>
            <source>接下来：平台登记后交给专业人员办理。答复后，您可以在本机「我的办件」中用编号和手机号后四位查看答复并评价，也可以刷身份证查看。</source>
            <translation>Next: the platform registers it and passes it to a professional. Once answered, read the answer and rate it under “My submissions” on this kiosk with your number and the last four digits of your phone, or with your ID card.</translation>
        </message>
        <message>
            <source>您的评价将转交平台，用于改进服务。</source>
            <translation>Your evaluation goes to the platform to improve the service.</translation>
        </message>
        <message>
            <source>本机暂时没有联网。您的内容已安全保存在本机，联网后会自动发送，无需再次提交。</source>
            <translation>This kiosk is offline right now. Your submission is stored safely here and will be sent automatically once it is back online; there is no need to submit it again.</translation>
        </message>
        <message>
            <source>已收到</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>办理中</source>
            <translation>Being handled</translation>
        </message>
        <message>
            <source>已答复</source>
            <translation>Answered</translation>
        </message>
        <message>
            <source>已办结</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>未受理</source>
            <translation>Not accepted</translation>
        </message>
        <message>
            <source>保存在本机，等待发送</source>
            <translation>Stored on this kiosk, waiting to be sent</translation>
        </message>
        <message>
            <source>已发送到平台</source>
            <translation>Sent to the platform</translation>
        </message>
        <message>
            <source>发送遇到问题，工作人员会处理</source>
            <translation>Sending ran into a problem; staff will deal with it</translation>
        </message>
        <message>
            <source>我的办件</source>
            <translation>My submissions</translation>
        </message>
        <message>
            <source>编号（回执上的编号或受理号）</source>
            <translation>Number (from your receipt, or the tracking number)</translation>
        </message>
        <message>
            <source>手机号后四位</source>
            <translation>Last 4 digits of your mobile</translation>
        </message>
        <message>
            <source>查询</source>
            <translation>Look up</translation>
        </message>
        <message>
            <source>查看我（身份证登录）的全部办件</source>
            <translation>All my submissions (ID card login)</translation>
        </message>
        <message>
            <source>本机暂不能查询，请到大厅窗口办理</source>
            <translation>Look-ups are not available on this kiosk right now; please ask at a hall window</translation>
        </message>
        <message>
            <source>正在查询，请稍候……</source>
            <translation>Looking it up, one moment…</translation>
        </message>
        <message>
            <source>请输入编号</source>
            <translation>Please enter the number</translation>
        </message>
        <message>
            <source>请输入 4 位数字</source>
            <translation>Please enter 4 digits</translation>
        </message>
        <message>
            <source>查询没有成功，请稍后再试或到窗口咨询</source>
            <translation>The look-up did not work; please try again later or ask at a window</translation>
        </message>
        <message>
            <source>请检查编号和手机号后四位</source>
            <translation>Please check the number and the last four digits</translation>
        </message>
        <message>
            <source>本机暂时不能连接平台，请到窗口查询</source>
            <translation>This kiosk cannot reach the platform right now; please ask at a window</translation>
        </message>
        <message>
            <source>本机暂时没有联网，只能显示本机保存的记录</source>
            <translation>This kiosk is offline: only what it holds itself can be shown</translation>
        </message>
        <message>
            <source>没有找到，请检查编号和手机号后四位</source>
            <translation>Nothing found; please check the number and the last four digits</translation>
        </message>
        <message>
            <source>编号 %1（受理号 %2）</source>
            <translation>Number %1 (tracking number %2)</translation>
        </message>
        <message>
            <source>状态：%1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <source>答复人：%1</source>
            <translation>Answered by: %1</translation>
        </message>
        <message>
            <source>朗读答复</source>
            <translation>Read the answer aloud</translation>
        </message>
        <message>
            <source>评价</source>
            <translation>Evaluate</translation>
        </message>
        <message>
            <source>编号 %1</source>
            <translation>Number %1</translation>
        </message>
        <message>
            <source>请为办件 %1 评分：1 分最不满意，5 分最满意</source>
            <translation>Please rate %1: 1 is least satisfied, 5 most satisfied</translation>
        </message>
        <message>
            <source>解决程度</source>
            <translation>Resolution</translation>
        </message>
        <message>
            <source>办理时间</source>
            <translation>Time taken</translation>
        </message>
        <message>
            <source>办理态度</source>
            <translation>Attitude</translation>
        </message>
        <message>
            <source>%1：%2 分</source>
            <translation>%1: %2 points</translation>
        </message>
        <message>
            <source>意见或建议（可不填，最多 500 字）</source>
            <translation>Comments or suggestions (optional, at most 500 characters)</translation>
        </message>
        <message>
            <source>服务协议</source>
            <translation>Agreement</translation>
        </message>
        <message>
            <source>已从名录中选定：%1</source>
            <translation>Chosen from the directory: %1</translation>
        </message>
    </context>
    <context>
        <name>submissions</name>
        <message>
            <source>请填写此项</source>
            <translation>Please fill this in</translation>
        </message>
        <message>
            <source>至少需要 {minimum} 个字，目前 {length} 个字</source>
            <translation>At least {minimum} characters are needed; there are {length} now</translation>
        </message>
        <message>
            <source>最多 {maximum} 个字</source>
            <translation>At most {maximum} characters</translation>
        </message>
        <message>
            <source>请用文字写明内容，不能只有标点、空格或表情</source>
            <translation>Please write it in words: punctuation, spaces or emoji alone are not enough</translation>
        </message>
        <message>
            <source>内容中有不可见字符或控制字符，请删除后重新输入</source>
            <translation>The text contains invisible or control characters; please delete it and type it again</translation>
        </message>
        <message>
            <source>请不要连续输入特殊符号</source>
            <translation>Please do not type strings of special symbols</translation>
        </message>
        <message>
            <source>请不要连续输入全角字母或数字</source>
            <translation>Please do not type strings of full-width letters or digits</translation>
        </message>
        <message>
            <source>请不要重复输入同一个字</source>
            <translation>Please do not repeat the same character over and over</translation>
        </message>
        <message>
            <source>公开内容中不能出现以下词语：{words}</source>
            <translation>Public text may not contain these words: {words}</translation>
        </message>
        <message>
            <source>公开内容中有 {count} 个电话号码或身份证号码。请删除，或改为不公开</source>
            <translation>The public text contains {count} phone or ID number(s). Please remove them, or make the question private</translation>
        </message>
        <message>
            <source>标题中请不要写电话号码或证件号码，需要时请写在问题内容里并选择不公开</source>
            <translation>Please keep phone and ID numbers out of the subject; if needed, put them in the question and make it private</translation>
        </message>
        <message>
            <source>请填写真实姓名</source>
            <translation>Please enter your real name</translation>
        </message>
        <message>
            <source>请填写 11 位手机号码</source>
            <translation>Please enter an 11-digit mobile number</translation>
        </message>
        <message>
            <source>已经进入诉讼或正由有关机关处理的事项不能在线解答。请到诉讼服务中心或大厅窗口咨询</source>
            <translation>Matters already before a court or being handled by an authority cannot be answered online. Please go to the litigation service centre or a hall window</translation>
        </message>
        <message>
            <source>请重新选择被投诉对象</source>
            <translation>Please choose who the complaint is about again</translation>
        </message>
        <message>
            <source>请选择一个评分</source>
            <translation>Please choose a score</translation>
        </message>
        <message>
            <source>评分应在 {minimum} 到 {maximum} 之间</source>
            <translation>The score must be from {minimum} to {maximum}</translation>
        </message>
        <message>
            <source>您在 24 小时内已提交过相同的内容，编号 {client_ref}，请勿重复提交</source>
            <translation>You submitted the same text within the last 24 hours (number {client_ref}); please do not submit it again</translation>
        </message>
        <message>
            <source>每人每天最多提交 {limit} 次，请明天再来或到窗口咨询</source>
            <translation>Each person may submit at most {limit} times a day; please come back tomorrow or ask at a window</translation>
        </message>
        <message>
            <source>内容太长，无法提交，请删减后再试</source>
            <translation>This is too long to submit; please shorten it and try again</translation>
        </message>
        <message>
            <source>表格有误，请重新填写</source>
            <translation>Something is wrong with the form; please fill it in again</translation>
        </message>
        <message>
            <source>内容不符合要求，请修改</source>
            <translation>This does not meet the requirements; please change it</translation>
        </message>
    </context>
</TS>