<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>OutOfService</name>
    <message>
        <source>暂停服务</source>
        <translation>Out of service</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>数据文件夹：%1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <source>日志文件夹：%1（已隐去个人信息）</source>
        <translation>Log folder: %1 (personal data masked)</translation>
    </message>
    <message>
        <source>日志里还没有内容</source>
        <translation>The log is empty so far</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>串口</source>
        <translation>port</translation>
    </message>
    <message>
        <source>例如 /dev/ttyUSB0</source>
        <translation>e.g. /dev/ttyUSB0</translation>
    </message>
    <message>
        <source>内置模拟读卡器</source>
        <translation>built-in simulator</translation>
    </message>
    <message>
        <source>刚刚检查：中心平台不可达（%1）</source>
        <translation>Checked just now: central platform NOT reachable (%1)</translation>
    </message>
    <message>
        <source>刚刚检查：中心平台可达（%1）</source>
        <translation>Checked just now: central platform reachable (%1)</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>口令至少 %1 个字符</source>
        <translation>The passphrase needs at least %1 characters</translation>
    </message>
    <message>
        <source>导出到 %1</source>
        <translation>Export to %1</translation>
    </message>
    <message>
        <source>导出发送失败的提交（加密，共 %1 条）</source>
        <translation>Export failed submissions (encrypted, %1 in all)</translation>
    </message>
    <message>
        <source>导出口令（至少 %1 个字符）</source>
        <translation>Export passphrase (at least %1 characters)</translation>
    </message>
    <message>
        <source>已保存，点下方“重启程序”后生效</source>
        <translation>Saved; takes effect after “Restart app” below</translation>
    </message>
    <message>
        <source>已保存，读卡器已用新串口重新连接</source>
        <translation>Saved; the reader reconnected on the new port</translation>
    </message>
    <message>
        <source>已导出 %1 条到 %2。口令请另行告知接收人；用 legal-kiosk staff read-export 打开。</source>
        <translation>Exported %1 to %2. Tell the recipient the passphrase separately; open it with legal-kiosk staff read-export.</translation>
    </message>
    <message>
        <source>引擎</source>
        <translation>engine</translation>
    </message>
    <message>
        <source>无法写入：%1</source>
        <translation>Could not write: %1</translation>
    </message>
    <message>
        <source>正在导出到 %1，请勿拔出 U 盘…</source>
        <translation>Exporting to %1. Do not pull out the USB stick…</translation>
    </message>
    <message>
        <source>最近读卡</source>
        <translation>last read</translation>
    </message>
    <message>
        <source>未配置中心平台地址（central.url），无法检查</source>
        <translation>No central platform address (central.url) configured: nothing to check</translation>
    </message>
    <message>
        <source>本机没有启用读卡器</source>
        <translation>this kiosk has no card reader enabled</translation>
    </message>
    <message>
        <source>检查中心平台连接</source>
        <translation>Check platform connection</translation>
    </message>
    <message>
        <source>正在检查中心平台…</source>
        <translation>Checking the central platform…</translation>
    </message>
    <message>
        <source>没有读到卡</source>
        <translation>no card was read</translation>
    </message>
    <message>
        <source>留空则使用内置的模拟读卡器（仅供演示）。</source>
        <translation>Leave empty for the built-in simulated reader (demo only).</translation>
    </message>
    <message>
        <source>网络（据最近心跳）：%1</source>
        <translation>Network (last heartbeat): %1</translation>
    </message>
    <message>
        <source>语音测试：%1；引擎：%2；音色：%3</source>
        <translation>Speech test: %1; engine: %2; voices: %3</translation>
    </message>
    <message>
        <source>请在 %1 秒内把一张身份证放到读卡器上…</source>
        <translation>Place an ID card on the reader within %1 seconds…</translation>
    </message>
    <message>
        <source>读到一张身份证，读卡器工作正常（卡内信息不显示）</source>
        <translation>a card was read, the reader works (card data is not shown)</translation>
    </message>
    <message>
        <source>读卡器有反应，但这张卡无法使用（过期、无效或读不出）</source>
        <translation>the reader answered, but this card cannot be used (expired, invalid or unreadable)</translation>
    </message>
    <message>
        <source>读卡器测试：%1；状态：%2</source>
        <translation>Reader test: %1; state: %2</translation>
    </message>
    <message>
        <source>音色</source>
        <translation>voice</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>维护面板</source>
        <translation>Staff panel</translation>
    </message>
    <message>
        <source>工作人员模式不可用</source>
        <translation>Staff mode is not available</translation>
    </message>
    <message>
        <source>未配置中心平台（离线演示）</source>
        <translation>No central platform configured (offline demo)</translation>
    </message>
    <message>
        <source>尚未联系中心平台</source>
        <translation>Central platform not contacted yet</translation>
    </message>
    <message>
        <source>中心平台可达</source>
        <translation>Central platform reachable</translation>
    </message>
    <message>
        <source>中心平台不可达</source>
        <translation>Central platform unreachable</translation>
    </message>
    <message>
        <source>终端编号：%1</source>
        <translation>Kiosk id: %1</translation>
    </message>
    <message>
        <source>软件版本：%1</source>
        <translation>Software version: %1</translation>
    </message>
    <message>
        <source>网络：%1</source>
        <translation>Network: %1</translation>
    </message>
    <message>
        <source>最近心跳：%1</source>
        <translation>Last heartbeat: %1</translation>
    </message>
    <message>
        <source>磁盘可用：%1；数据库：%2</source>
        <translation>Disk free: %1; database: %2</translation>
    </message>
    <message>
        <source>无操作超时：%1 秒</source>
        <translation>Idle timeout: %1 s</translation>
    </message>
    <message>
        <source>音量：%1%</source>
        <translation>Volume: %1%</translation>
    </message>
    <message>
        <source>同步：未启用</source>
        <translation>Sync: not enabled</translation>
    </message>
    <message>
        <source>最近成功同步：%1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <source>同步游标：%1</source>
        <translation>Sync cursor: %1</translation>
    </message>
    <message>
        <source>内容数量：%1</source>
        <translation>Content items: %1</translation>
    </message>
    <message>
        <source>待发送：%1；发送失败：%2</source>
        <translation>Waiting to send: %1; failed: %2</translation>
    </message>
    <message>
        <source>终端认证失败：请检查设备令牌</source>
        <translation>Kiosk authentication failed: check the device token</translation>
    </message>
    <message>
        <source>最近错误：%1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>身份证读卡器</source>
        <translation>ID-card reader</translation>
    </message>
    <message>
        <source>语音朗读</source>
        <translation>Read-aloud</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>未连接</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>故障</source>
        <translation>fault</translation>
    </message>
    <message>
        <source>由中心平台设置</source>
        <translation>set by the central platform</translation>
    </message>
    <message>
        <source>由工作人员设置</source>
        <translation>set by staff</translation>
    </message>
    <message>
        <source>当前：暂停服务（%1）</source>
        <translation>Now: out of service (%1)</translation>
    </message>
    <message>
        <source>当前：正常服务</source>
        <translation>Now: in service</translation>
    </message>
    <message>
        <source>恢复服务</source>
        <translation>Back in service</translation>
    </message>
    <message>
        <source>暂停服务</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>现在无法同步（未配置中心平台或正在同步）</source>
        <translation>Cannot sync now (no central platform, or a sync is running)</translation>
    </message>
    <message>
        <source>已处理 %1 页，%2 条变更</source>
        <translation>%1 pages, %2 changes processed</translation>
    </message>
    <message>
        <source>同步完成，%1 条变更</source>
        <translation>Sync finished, %1 changes</translation>
    </message>
    <message>
        <source>同步失败：%1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <source>读卡器：%1</source>
        <translation>Reader: %1</translation>
    </message>
    <message>
        <source>语音：%1</source>
        <translation>Speech: %1</translation>
    </message>
    <message>
        <source>未保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>已保存，重启程序后生效</source>
        <translation>Saved; takes effect after a restart</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>退出维护</source>
        <translation>Leave staff mode</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>This kiosk</translation>
    </message>
    <message>
        <source>同步与待发送</source>
        <translation>Sync and outbox</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>同步进度</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>测试读卡器</source>
        <translation>Test reader</translation>
    </message>
    <message>
        <source>测试语音</source>
        <translation>Test speech</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>缩短超时</source>
        <translation>Shorter timeout</translation>
    </message>
    <message>
        <source>延长超时</source>
        <translation>Longer timeout</translation>
    </message>
    <message>
        <source>减小音量</source>
        <translation>Lower volume</translation>
    </message>
    <message>
        <source>增大音量</source>
        <translation>Raise volume</translation>
    </message>
    <message>
        <source>读卡器串口</source>
        <translation>Reader serial port</translation>
    </message>
    <message>
        <source>保存串口</source>
        <translation>Save port</translation>
    </message>
    <message>
        <source>给市民的说明（可选）</source>
        <translation>Message for citizens (optional)</translation>
    </message>
    <message>
        <source>存储与日志</source>
        <translation>Storage and log</translation>
    </message>
    <message>
        <source>最近日志</source>
        <translation>Recent log lines</translation>
    </message>
    <message>
        <source>重启程序</source>
        <translation>Restart app</translation>
    </message>
    <message>
        <source>退出到桌面</source>
        <translation>Exit to desktop</translation>
    </message>
    <message>
        <source>确定退出到桌面吗？退出后本机不再为市民服务，直到重新启动。</source>
        <translation>Exit to the desktop? The kiosk stops serving citizens until it is started again.</translation>
    </message>
    <message>
        <source>确定退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StaffPin</name>
    <message>
        <source>工作人员登录</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <source>请输入工作人员密码</source>
        <translation>Enter the staff PIN</translation>
    </message>
    <message>
        <source>密码不正确，还可以再试 %1 次</source>
        <translation>Wrong PIN, %1 tries left</translation>
    </message>
    <message>
        <source>错误次数过多，已锁定，请 %1 分钟后再试</source>
        <translation>Too many wrong PINs: locked, try again in %1 min</translation>
    </message>
    <message>
        <source>尚未设置工作人员密码，请用 legal-kiosk staff set-pin 设置</source>
        <translation>No staff PIN set yet: set one with legal-kiosk staff set-pin</translation>
    </message>
    <message>
        <source>工作人员模式不可用</source>
        <translation>Staff mode is not available</translation>
    </message>
    <message>
        <source>已输入 %1 位</source>
        <translation>%1 digits entered</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>删除一位</source>
        <translation>Delete one digit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
</TS>
