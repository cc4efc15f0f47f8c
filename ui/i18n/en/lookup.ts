<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnnouncementsScreen</name>
    <message>
        <source>通知公告</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>通知公告列表</source>
        <translation>List of announcements</translation>
    </message>
    <message>
        <source>目前没有新的通知公告。</source>
        <translation>There are no announcements at the moment.</translation>
    </message>
</context>
<context>
    <name>ArticleScreen</name>
    <message>
        <source>法律条文</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>◀ 上一条</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>下一条 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>字号减小</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>字号加大</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>本法目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>朗读本条</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>手机继续看</source>
        <translation>Continue on phone</translation>
    </message>
    <message>
        <source>没有找到这一条。请返回上一页重新选择。</source>
        <translation>This article was not found. Please go back and choose again.</translation>
    </message>
</context>
<context>
    <name>CaseScreen</name>
    <message>
        <source>案例与问答</source>
        <translation>Cases and Q&amp;A</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>手机继续看</source>
        <translation>Continue on phone</translation>
    </message>
    <message>
        <source>没有找到这条内容。</source>
        <translation>This item was not found.</translation>
    </message>
    <message>
        <source>案情简介</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>解答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>案件详情</source>
        <translation>Details of the case</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <source>问答</source>
        <translation>Q&amp;A</translation>
    </message>
    <message>
        <source>案例</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>案例与问答</source>
        <translation>Cases and Q&amp;A</translation>
    </message>
    <message>
        <source>搜索案例和问答</source>
        <translation>Search cases and Q&amp;A</translation>
    </message>
    <message>
        <source>输入您遇到的问题，如：拖欠工资怎么办</source>
        <translation>Describe your problem, e.g. 拖欠工资怎么办 (unpaid wages)</translation>
    </message>
    <message>
        <source>按类别浏览</source>
        <translation>Browse by topic</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>案例和问答列表</source>
        <translation>List of cases and questions</translation>
    </message>
    <message>
        <source>共 %1 条，点击查看详情</source>
        <translation>%1 items. Tap one to read it</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>收费标准</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>办理窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>咨询电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>办理条件</source>
        <translation>Who can apply</translation>
    </message>
    <message>
        <source>所需材料（可逐项勾选核对）</source>
        <translation>Materials (tick them off one by one)</translation>
    </message>
    <message>
        <source>办理流程</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>窗口在哪里</source>
        <translation>Where is the window?</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>手机继续看</source>
        <translation>Continue on phone</translation>
    </message>
    <message>
        <source>没有找到这份办事指南。</source>
        <translation>This service guide was not found.</translation>
    </message>
</context>
<context>
    <name>GuidesScreen</name>
    <message>
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <source>请选择要办理的事项</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <source>大厅窗口分布图</source>
        <translation>Map of the hall windows</translation>
    </message>
</context>
<context>
    <name>HallMapScreen</name>
    <message>
        <source>大厅窗口分布图</source>
        <translation>Map of the hall windows</translation>
    </message>
    <message>
        <source>各窗口位置和办理事项</source>
        <translation>Where each window is and what it handles</translation>
    </message>
    <message>
        <source>点击窗口查看位置</source>
        <translation>Tap a window to see where it is</translation>
    </message>
    <message>
        <source>找不到窗口？请到咨询台或拨打 %1。</source>
        <translation>Cannot find the window? Ask at the information desk or call %1.</translation>
    </message>
    <message>
        <source>您在这里（自助终端）</source>
        <translation>You are here (kiosk)</translation>
    </message>
    <message>
        <source>入口</source>
        <translation>Entrance</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>通知公告：%1（点击查看全部）</source>
        <translation>Announcement: %1 (tap to see all)</translation>
    </message>
</context>
<context>
    <name>InstitutionScreen</name>
    <message>
        <source>法律服务机构</source>
        <translation>Legal service institution</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>执业许可证号</source>
        <translation>Licence number</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>所在区域</source>
        <translation>District</translation>
    </message>
    <message>
        <source>业务领域</source>
        <translation>Fields of work</translation>
    </message>
    <message>
        <source>成立日期</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>机构处罚和惩戒记录</source>
        <translation>Penalties and disciplinary records of the institution</translation>
    </message>
    <message>
        <source>本机构人员</source>
        <translation>Staff of this institution</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>手机继续看</source>
        <translation>Continue on phone</translation>
    </message>
    <message>
        <source>没有找到这家机构的信息。</source>
        <translation>This institution was not found.</translation>
    </message>
    <message>
        <source>本机构人员（%1 人）</source>
        <translation>Staff (%1)</translation>
    </message>
</context>
<context>
    <name>LawScreen</name>
    <message>
        <source>法律全文</source>
        <translation>Full text of the law</translation>
    </message>
    <message>
        <source>跳到第几条</source>
        <translation>Go to article number</translation>
    </message>
    <message>
        <source>输入条号，如 1077 或 第一千零七十七条</source>
        <translation>Article number, e.g. 1077</translation>
    </message>
    <message>
        <source>查看该条</source>
        <translation>Open article</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>条文</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>目录：编、章、节</source>
        <translation>Contents: parts, chapters, sections</translation>
    </message>
    <message>
        <source>条文列表</source>
        <translation>List of articles</translation>
    </message>
    <message>
        <source>没有找到这部法律</source>
        <translation>This law was not found</translation>
    </message>
    <message>
        <source>请返回法律法规页面，按类别查找或输入名称搜索。</source>
        <translation>Please go back to Laws and browse by category or search by name.</translation>
    </message>
    <message>
        <source>本法不分章节，请直接查看条文</source>
        <translation>This law has no chapters; see the articles</translation>
    </message>
    <message>
        <source>%1公布</source>
        <translation>promulgated %1</translation>
    </message>
    <message>
        <source>%1施行</source>
        <translation>in force since %1</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 articles</translation>
    </message>
    <message>
        <source>没有这一条。本法共 %1 条，请输入 1 到 %1 之间的数字。</source>
        <translation>There is no such article. This law has %1 articles: enter a number from 1 to %1.</translation>
    </message>
</context>
<context>
    <name>LawsScreen</name>
    <message>
        <source>法律法规</source>
        <translation>Laws and regulations</translation>
    </message>
    <message>
        <source>搜索法律条文</source>
        <translation>Search the laws</translation>
    </message>
    <message>
        <source>输入问题或法律名称，如：离婚冷静期、民法典1077</source>
        <translation>Type a question or a law, e.g. 离婚冷静期 or 民法典1077</translation>
    </message>
    <message>
        <source>按类别浏览</source>
        <translation>Browse by category</translation>
    </message>
    <message>
        <source>法律和条文列表</source>
        <translation>List of laws and articles</translation>
    </message>
    <message>
        <source>共 %1 条 · %2施行</source>
        <translation>%1 articles · in force since %2</translation>
    </message>
    <message>
        <source>找到 %1 条相关条文，点击查看全文</source>
        <translation>%1 matching articles. Tap one to read it in full</translation>
    </message>
    <message>
        <source>%1：点击一部法律查看目录和条文</source>
        <translation>%1: tap a law to see its contents and articles</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <source>内容暂时无法显示。请到服务窗口咨询，或拨打 12348 法律服务热线。</source>
        <translation>This content cannot be shown right now. Please ask at a service window or call the 12348 legal hotline.</translation>
    </message>
    <message>
        <source>正在准备内容，请稍候……</source>
        <translation>Preparing the content, one moment please…</translation>
    </message>
    <message>
        <source>没有找到与「%1」相关的内容。可以试试：换一个说法（如“离婚”“工资”），只输入一两个关键词，或点上方的常见问题。</source>
        <translation>Nothing found for “%1”. Try other words (for example 离婚 or 工资), just one or two keywords, or tap one of the common topics above.</translation>
    </message>
    <message>
        <source>正在搜索……</source>
        <translation>Searching…</translation>
    </message>
</context>
<context>
    <name>PenaltyList</name>
    <message>
        <source>无处罚和惩戒记录。</source>
        <translation>No penalties or disciplinary records.</translation>
    </message>
    <message>
        <source>作出机关：%1</source>
        <translation>Imposed by: %1</translation>
    </message>
    <message>
        <source>事由：%1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>PractitionerScreen</name>
    <message>
        <source>法律服务人员</source>
        <translation>Legal practitioner</translation>
    </message>
    <message>
        <source>执业证号</source>
        <translation>Licence number</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>执业年限</source>
        <translation>Years in practice</translation>
    </message>
    <message>
        <source>专业领域</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>所在区域</source>
        <translation>District</translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation>Service record</translation>
    </message>
    <message>
        <source>执业机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>处罚和惩戒记录</source>
        <translation>Penalties and disciplinary records</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>手机继续看</source>
        <translation>Continue on phone</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>没有找到这位法律服务人员的信息。</source>
        <translation>This practitioner was not found.</translation>
    </message>
    <message>
        <source>%1 年（%2 年起执业）</source>
        <translation>%1 years (since %2)</translation>
    </message>
</context>
<context>
    <name>PractitionersScreen</name>
    <message>
        <source>有 %1 条处罚或惩戒记录</source>
        <translation>%1 penalty or disciplinary record(s)</translation>
    </message>
    <message>
        <source>律师与机构</source>
        <translation>Lawyers and institutions</translation>
    </message>
    <message>
        <source>按姓名、拼音、首字母或执业证号查找</source>
        <translation>Find by name, pinyin, initials or licence number</translation>
    </message>
    <message>
        <source>输入姓名、拼音首字母（如 zw）或执业证号</source>
        <translation>Name, pinyin initials (e.g. zw) or licence number</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>法律服务人员</source>
        <translation>Practitioners</translation>
    </message>
    <message>
        <source>法律服务机构</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>所在区域</source>
        <translation>District</translation>
    </message>
    <message>
        <source>专业领域</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>查找结果列表</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>没有符合条件的结果，请点「清除筛选」放宽条件。</source>
        <translation>Nothing matches. Tap “Clear filters” to widen the search.</translation>
    </message>
    <message>
        <source>共 %1 个结果，点击查看详情和奖惩记录</source>
        <translation>%1 results. Tap one for details and records</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>输入关键词，如：离婚冷静期、拖欠工资</source>
        <translation>Type keywords, e.g. 离婚冷静期, 拖欠工资</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
</TS>
