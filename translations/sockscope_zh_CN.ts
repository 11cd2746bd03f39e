<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AutoReplyDialog</name>
    <message>
        <source>Auto-Reply Rules</source>
        <translation>自动回复规则</translation>
    </message>
    <message>
        <source>Rules are tried from top to bottom. Double-click a cell to edit it; invalid cells are red.</source>
        <translation>规则按从上到下的顺序匹配。双击单元格可编辑；无效的单元格显示为红色。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a new rule below the current one</source>
        <translation>在当前规则下方添加一条新规则</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>Insert a copy of the current rule below it</source>
        <translation>在当前规则下方插入它的副本</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected rules (Del)</source>
        <translation>删除选中的规则 (Del)</translation>
    </message>
    <message>
        <source>Move U&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <source>Move the current rule up: it is tried earlier</source>
        <translation>上移当前规则：更早参与匹配</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Move the current rule down: it is tried later</source>
        <translation>下移当前规则：更晚参与匹配</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>导入 JSON(&amp;I)…</translation>
    </message>
    <message>
        <source>Replace the rules with those of a JSON file (docs/auto-reply.md)</source>
        <translation>用 JSON 文件中的规则替换当前规则（见 docs/auto-reply.md）</translation>
    </message>
    <message>
        <source>E&amp;xport JSON…</source>
        <translation>导出 JSON(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the rules and the rule set options to a JSON file</source>
        <translation>将规则及规则集选项保存为 JSON 文件</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>Options that apply to all rules</source>
        <translation>对所有规则生效的选项</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>Decodes received frames for text and regex rules, and encodes text patterns and replies</source>
        <translation>用于解码收到的帧（供文本和正则规则匹配），以及编码文本模式和回复内容</translation>
    </message>
    <message>
        <source>&amp;Match:</source>
        <translation>匹配(&amp;M)：</translation>
    </message>
    <message>
        <source>First match: only the first matching rule replies. All matches: every matching rule replies, in list order.</source>
        <translation>首个匹配：只有第一条匹配的规则回复。全部匹配：所有匹配的规则按列表顺序依次回复。</translation>
    </message>
    <message>
        <source>E&amp;cho:</source>
        <translation>回显(&amp;C)：</translation>
    </message>
    <message>
        <source>Send received frames back unchanged: never, only when no rule matched, or always (before the rule replies)</source>
        <translation>将收到的帧原样发回：从不、仅在没有规则匹配时，或总是（先于规则回复）</translation>
    </message>
    <message>
        <source>Echo &amp;delay:</source>
        <translation>回显延时(&amp;D)：</translation>
    </message>
    <message>
        <source>Delay before an echoed frame is sent, in milliseconds</source>
        <translation>发送回显帧之前的延时，单位毫秒</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Try the rules as they are now on a sample frame</source>
        <translation>用当前规则对示例帧进行试匹配</translation>
    </message>
    <message>
        <source>A received frame to try: text with escapes (\r \n \xNN \uXXXX) or hex bytes</source>
        <translation>要试匹配的接收帧：可含转义的文本 (\r \n \xNN \uXXXX) 或十六进制字节</translation>
    </message>
    <message>
        <source>Sample frame, e.g. PING\r\n</source>
        <translation>示例帧，如 PING\r\n</translation>
    </message>
    <message>
        <source>Whether the sample frame is text (encoded in the rule set&apos;s encoding) or hex bytes</source>
        <translation>示例帧是文本（按规则集的编码进行编码）还是十六进制字节</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>Show which rules match the sample frame and the exact reply bytes (Enter)</source>
        <translation>显示哪些规则匹配示例帧，以及确切的回复字节 (Enter)</translation>
    </message>
    <message>
        <source>The result of the test: matching rules and the reply bytes in hex</source>
        <translation>测试结果：匹配的规则和十六进制回复字节</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>文本(&amp;T)</translation>
    </message>
    <message>
        <source>Text mode: the characters are encoded with the selected encoding. Switching converts the content.</source>
        <translation>文本模式：字符按所选编码进行编码。切换模式会转换内容。</translation>
    </message>
    <message>
        <source>He&amp;x</source>
        <translation>十六进制(&amp;X)</translation>
    </message>
    <message>
        <source>Hex mode: the content is hex digits such as &quot;48 65 6C&quot;. Switching converts the content.</source>
        <translation>十六进制模式：内容为十六进制数字，如 &quot;48 65 6C&quot;。切换模式会转换内容。</translation>
    </message>
    <message>
        <source>Text encoding of the message (also used for text produced by dynamic fields)</source>
        <translation>消息的文本编码（也用于动态字段生成的文本）</translation>
    </message>
    <message>
        <source>&amp;Escapes</source>
        <translation>转义(&amp;E)</translation>
    </message>
    <message>
        <source>Understand escape sequences in text mode: \r \n \t \\ \0 \xNN (a raw byte) \uXXXX</source>
        <translation>在文本模式下解析转义序列：\r \n \t \\ \0 \xNN（原始字节） \uXXXX</translation>
    </message>
    <message>
        <source>Line ending appended after the content (in hex mode too)</source>
        <translation>附加在内容之后的换行符（十六进制模式下同样附加）</translation>
    </message>
    <message>
        <source>Checksum appended last, computed over everything before it (line ending included)</source>
        <translation>附加在最后的校验和，对其之前的全部内容（含换行符）计算</translation>
    </message>
    <message>
        <source>Byte order of the checksum: big-endian (high byte first) or little-endian (MODBUS RTU)</source>
        <translation>校验和的字节序：大端（高字节在前）或小端（MODBUS RTU）</translation>
    </message>
    <message>
        <source>&amp;Dynamic fields</source>
        <translation>动态字段(&amp;D)</translation>
    </message>
    <message>
        <source>Expand placeholders such as {{counter}}, {{time}}, {{random:4}} and {{len:u16be}} when sending</source>
        <translation>发送时展开 {{counter}}、{{time}}、{{random:4}}、{{len:u16be}} 等占位符</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Show the dynamic field syntax</source>
        <translation>显示动态字段语法</translation>
    </message>
    <message>
        <source>The message to send. Ctrl+Return sends it.</source>
        <translation>要发送的消息。按 Ctrl+Return 发送。</translation>
    </message>
    <message>
        <source>The exact bytes that will be sent</source>
        <translation>将要发送的确切字节</translation>
    </message>
    <message>
        <source>Number of bytes that will be sent</source>
        <translation>将要发送的字节数</translation>
    </message>
    <message>
        <source>Notices about the message</source>
        <translation>关于该消息的提示</translation>
    </message>
    <message>
        <source>Sent messages and named quick-send presets</source>
        <translation>已发送的消息和命名的快捷发送预设</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>Sent messages, most recent first. Click (or Space) loads one into the editor; double-click (or Enter) loads and sends it; Delete removes it.</source>
        <translation>已发送的消息，最新的在最前。单击（或按空格）载入编辑框；双击（或按 Enter）载入并发送；按 Delete 删除。</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>存为预设…</translation>
    </message>
    <message>
        <source>Save the selected history entry as a named preset</source>
        <translation>将选中的历史记录保存为命名预设</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove all history entries</source>
        <translation>删除全部历史记录</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>Named quick-send messages. Click (or Space) loads one into the editor; double-click (or Enter) loads and sends it; F2 renames; Delete removes it.</source>
        <translation>命名的快捷发送消息。单击（或按空格）载入编辑框；双击（或按 Enter）载入并发送；按 F2 重命名；按 Delete 删除。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add the message in the editor as a named preset</source>
        <translation>将编辑框中的消息添加为命名预设</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the selected preset (F2)</source>
        <translation>重命名选中的预设 (F2)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected preset (Delete)</source>
        <translation>删除选中的预设 (Delete)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation>发送消息 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Send the message repeatedly</source>
        <translation>重复发送消息</translation>
    </message>
    <message>
        <source>Ever&amp;y</source>
        <translation>每隔(&amp;Y)</translation>
    </message>
    <message>
        <source>Periodic sending: interval between two sends</source>
        <translation>定时发送：两次发送之间的间隔</translation>
    </message>
    <message>
        <source>Interval between two periodic sends, in milliseconds</source>
        <translation>两次定时发送之间的间隔，单位毫秒</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Number of periodic sends (0 = until stopped)</source>
        <translation>定时发送的次数（0 = 直到手动停止）</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>× ∞</source>
        <translation>× ∞</translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation>开始(&amp;R)</translation>
    </message>
    <message>
        <source>Start sending the message periodically</source>
        <translation>开始定时发送消息</translation>
    </message>
    <message>
        <source>Send &amp;file…</source>
        <translation>发送文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Send the contents of a file</source>
        <translation>发送文件内容</translation>
    </message>
    <message>
        <source>Progress of the file transfer</source>
        <translation>文件传输进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the file transfer</source>
        <translation>停止文件传输</translation>
    </message>
    <message>
        <source>Se&amp;q…</source>
        <translation>序列(&amp;Q)…</translation>
    </message>
    <message>
        <source>Send sequence: edit and run a list of messages, each followed by its own delay</source>
        <translation>发送序列：编辑并运行一组消息，每条消息之后有各自的延时</translation>
    </message>
    <message>
        <source>Send sequence</source>
        <translation>发送序列</translation>
    </message>
</context>
<context>
    <name>SequenceDialog</name>
    <message>
        <source>Send Sequence</source>
        <translation>发送序列</translation>
    </message>
    <message>
        <source>Messages sent in order, each followed by its delay. Add the message from the send editor, then edit the content and the delay in place.</source>
        <translation>按顺序发送的消息，每条之后等待其延时。从发送编辑框添加消息，然后可直接在表格中编辑内容和延时。</translation>
    </message>
    <message>
        <source>The steps of the sequence, sent from top to bottom</source>
        <translation>序列的步骤，从上到下依次发送</translation>
    </message>
    <message>
        <source>&amp;Add current message</source>
        <translation>添加当前消息(&amp;A)</translation>
    </message>
    <message>
        <source>Add the message of the send editor, with its options, after the selected step</source>
        <translation>将发送编辑框中的消息（连同其选项）添加到所选步骤之后</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected step (Delete)</source>
        <translation>删除所选步骤（Delete）</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Send the selected step earlier</source>
        <translation>将所选步骤提前发送</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Send the selected step later</source>
        <translation>将所选步骤推后发送</translation>
    </message>
    <message>
        <source>&amp;Loops:</source>
        <translation>循环次数(&amp;L)：</translation>
    </message>
    <message>
        <source>How many times the whole sequence is sent</source>
        <translation>整个序列发送的次数</translation>
    </message>
    <message>
        <source>How many times the whole sequence is sent (0 = until stopped)</source>
        <translation>整个序列发送的次数（0 = 直到停止）</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>× ∞</source>
        <translation>× ∞</translation>
    </message>
    <message>
        <source>Steps sent so far</source>
        <translation>已发送的步骤</translation>
    </message>
    <message>
        <source>The step last sent and the current loop</source>
        <translation>最近发送的步骤和当前循环</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>How the last run ended, or what keeps the sequence from running</source>
        <translation>上次运行的结束方式，或序列无法运行的原因</translation>
    </message>
</context>
<context>
    <name>TlsFileCheck</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 无法读取：%2。</translation>
    </message>
    <message>
        <source>%1 is too large for a PEM file.</source>
        <translation>%1 太大，不像 PEM 文件。</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (&quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation>%1 中没有 PEM 证书（“-----BEGIN CERTIFICATE-----”）。</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (&quot;-----BEGIN … PRIVATE KEY-----&quot;).</source>
        <translation>%1 中没有 PEM 私钥（“-----BEGIN … PRIVATE KEY-----”）。</translation>
    </message>
    <message>
        <source>TLS needs a certificate and its key file: choose both, or generate a throwaway certificate.</source>
        <translation>TLS 需要证书及其私钥文件：请两者都选，或生成一次性证书。</translation>
    </message>
    <message>
        <source>A client certificate needs its key file, and a key its certificate.</source>
        <translation>客户端证书需要其私钥文件，私钥也需要其证书。</translation>
    </message>
</context>
<context>
    <name>sockscope::AutoReplyDialog</name>
    <message>
        <source>First match</source>
        <translation>首个匹配</translation>
    </message>
    <message>
        <source>All matches</source>
        <translation>全部匹配</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Echo unmatched</source>
        <translation>回显未匹配</translation>
    </message>
    <message>
        <source>Echo everything</source>
        <translation>全部回显</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Use these rules</source>
        <translation>使用这些规则</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Remove Rules</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Fix the invalid rule first. %1</source>
        <translation>请先修正无效的规则。%1</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation>文件大于 %1 MiB。</translation>
    </message>
    <message>
        <source>Import Auto-Reply Rules</source>
        <translation>导入自动回复规则</translation>
    </message>
    <message>
        <source>Auto-reply rules (*.json);;All files (*)</source>
        <translation>自动回复规则 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>The rules in %1 were not imported; the current rules are unchanged.

%2</source>
        <translation>未导入 %1 中的规则；当前规则保持不变。

%2</translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>（另有 %n 条）</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported with Warnings</source>
        <translation>导入时有警告</translation>
    </message>
    <message>
        <source>The rules were imported; these parts of the file were ignored:

%1</source>
        <translation>规则已导入；文件中的以下部分被忽略：

%1</translation>
    </message>
    <message>
        <source>Export Auto-Reply Rules</source>
        <translation>导出自动回复规则</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not save %1:

%2</source>
        <translation>无法保存 %1：

%2</translation>
    </message>
    <message numerus="yes">
        <source>(%n more invalid rule(s))</source>
        <translation>
            <numerusform>（另有 %n 条无效规则）</numerusform>
        </translation>
    </message>
    <message>
        <source>No rules.</source>
        <translation>没有规则。</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s), %1 enabled</source>
        <translation>
            <numerusform>%n 条规则，%1 条已启用</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a received frame above to see which rule answers it and the reply bytes.</source>
        <translation>在上方输入一个接收帧，即可查看由哪条规则应答以及回复的字节。</translation>
    </message>
    <message>
        <source>Fix the invalid rule first.
%1</source>
        <translation>请先修正无效的规则。
%1</translation>
    </message>
    <message>
        <source>Sample frame, position %1: %2</source>
        <translation>示例帧，位置 %1：%2</translation>
    </message>
    <message>
        <source>Sample frame: %1</source>
        <translation>示例帧：%1</translation>
    </message>
    <message numerus="yes">
        <source>Frame, %n byte(s): %1</source>
        <translation>
            <numerusform>帧，%n 字节：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>rule %1 “%2”</source>
        <translation>规则 %1“%2”</translation>
    </message>
    <message>
        <source>No rule matches.</source>
        <translation>没有匹配的规则。</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>匹配：%1</translation>
    </message>
    <message>
        <source>Nothing is sent back.</source>
        <translation>不发回任何内容。</translation>
    </message>
    <message>
        <source>echo</source>
        <translation>回显</translation>
    </message>
    <message numerus="yes">
        <source>Reply from %1 after %2 ms, %n byte(s):</source>
        <translation>
            <numerusform>来自 %1 的回复，延时 %2 ms，%n 字节：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
</context>
<context>
    <name>sockscope::AutoReplyModel</name>
    <message>
        <source>Exact text</source>
        <translation>文本全等</translation>
    </message>
    <message>
        <source>Exact hex</source>
        <translation>十六进制全等</translation>
    </message>
    <message>
        <source>Hex pattern</source>
        <translation>十六进制通配</translation>
    </message>
    <message>
        <source>Hex pattern, anywhere</source>
        <translation>十六进制通配（任意位置）</translation>
    </message>
    <message>
        <source>Contains text</source>
        <translation>包含文本</translation>
    </message>
    <message>
        <source>Contains text, any case</source>
        <translation>包含文本（忽略大小写）</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Regex, any case</source>
        <translation>正则表达式（忽略大小写）</translation>
    </message>
    <message>
        <source>The frame equals the pattern: text with escapes (\r \n \xNN \uXXXX), encoded in the rule set&apos;s encoding.</source>
        <translation>帧与匹配内容完全相同：匹配内容为可含转义的文本 (\r \n \xNN \uXXXX)，按规则集的编码进行编码。</translation>
    </message>
    <message>
        <source>The frame equals the pattern bytes, written in hex (&quot;48 65 6C&quot;).</source>
        <translation>帧与匹配内容的字节完全相同，以十六进制书写（&quot;48 65 6C&quot;）。</translation>
    </message>
    <message>
        <source>The whole frame matches the hex pattern; ?? stands for any one byte (&quot;AA ?? ?? 55&quot;).</source>
        <translation>整个帧与十六进制通配模式匹配；?? 代表任意一个字节（&quot;AA ?? ?? 55&quot;）。</translation>
    </message>
    <message>
        <source>The hex pattern occurs anywhere in the frame; ?? stands for any one byte.</source>
        <translation>十六进制通配模式出现在帧中的任意位置；?? 代表任意一个字节。</translation>
    </message>
    <message>
        <source>The decoded frame text contains the pattern text (case-sensitive).</source>
        <translation>解码后的帧文本包含匹配内容（区分大小写）。</translation>
    </message>
    <message>
        <source>The decoded frame text contains the pattern text, ignoring case.</source>
        <translation>解码后的帧文本包含匹配内容，忽略大小写。</translation>
    </message>
    <message>
        <source>A regular expression (PCRE) found in the decoded frame text; ${1} or ${name} in the reply inserts a captured group.</source>
        <translation>在解码后的帧文本中查找正则表达式 (PCRE)；回复中的 ${1} 或 ${name} 会插入捕获组。</translation>
    </message>
    <message>
        <source>A regular expression found in the decoded frame text, ignoring case; ${1} or ${name} in the reply inserts a captured group.</source>
        <translation>在解码后的帧文本中查找正则表达式，忽略大小写；回复中的 ${1} 或 ${name} 会插入捕获组。</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Enabled: this rule answers matching frames.</source>
        <translation>已启用：此规则会应答匹配的帧。</translation>
    </message>
    <message>
        <source>Disabled: this rule is skipped (but still checked).</source>
        <translation>已禁用：跳过此规则（但仍会检查其有效性）。</translation>
    </message>
    <message>
        <source>No name: the log shows the reply as coming from “Rule %1”.</source>
        <translation>未命名：日志中显示回复来自“规则 %1”。</translation>
    </message>
    <message>
        <source>Text with escapes (\r \n \t \xNN \uXXXX), encoded in %1.</source>
        <translation>可含转义的文本 (\r \n \t \xNN \uXXXX)，按 %1 编码。</translation>
    </message>
    <message>
        <source>Text with escapes (\r \n \t \uXXXX; \xNN below \x80 only), compared with the frame decoded from %1.</source>
        <translation>可含转义的文本 (\r \n \t \uXXXX；\xNN 仅限 \x80 以下)，与按 %1 解码后的帧比较。</translation>
    </message>
    <message>
        <source>Hex bytes, e.g. &quot;01 03 00 2A&quot;.</source>
        <translation>十六进制字节，如 &quot;01 03 00 2A&quot;。</translation>
    </message>
    <message>
        <source>Hex bytes with ?? for any byte, e.g. &quot;AA ?? ?? 55&quot;.</source>
        <translation>十六进制字节，?? 代表任意字节，如 &quot;AA ?? ?? 55&quot;。</translation>
    </message>
    <message>
        <source>PCRE regular expression, searched in the frame decoded from %1; use ^ and $ to match the whole frame.</source>
        <translation>PCRE 正则表达式，在按 %1 解码后的帧中查找；用 ^ 和 $ 匹配整个帧。</translation>
    </message>
    <message>
        <source>The reply is written as hex bytes.</source>
        <translation>回复以十六进制字节书写。</translation>
    </message>
    <message>
        <source>The reply is text with escapes, encoded in %1.</source>
        <translation>回复为可含转义的文本，按 %1 编码。</translation>
    </message>
    <message>
        <source>No reply: matching frames are answered with nothing (and not echoed).</source>
        <translation>不回复：匹配的帧不作任何应答（也不回显）。</translation>
    </message>
    <message>
        <source>Hex bytes, e.g. &quot;01 03 02 00 2A&quot;.</source>
        <translation>十六进制字节，如 &quot;01 03 02 00 2A&quot;。</translation>
    </message>
    <message>
        <source>${1} or ${name} inserts a captured group; write \u0024{ for a literal ${.</source>
        <translation>${1} 或 ${name} 插入捕获组；字面的 ${ 请写作 \u0024{。</translation>
    </message>
    <message>
        <source>Wait this long before sending the reply (0 to %1 ms).</source>
        <translation>发送回复前等待的时间（0 到 %1 ms）。</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>(no reply)</source>
        <translation>（不回复）</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Match type</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <source>Reply as</source>
        <translation>回复格式</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Delay ms</source>
        <translation>延时 ms</translation>
    </message>
    <message>
        <source>Only enabled rules answer frames; disabled rules are still checked.</source>
        <translation>只有已启用的规则会应答帧；已禁用的规则仍会检查有效性。</translation>
    </message>
    <message>
        <source>Shown in the log as the source of the reply.</source>
        <translation>在日志中作为回复的来源显示。</translation>
    </message>
    <message>
        <source>How the pattern is compared with a received frame.</source>
        <translation>匹配内容与接收帧的比较方式。</translation>
    </message>
    <message>
        <source>What a received frame must match.</source>
        <translation>接收帧必须匹配的内容。</translation>
    </message>
    <message>
        <source>Whether the reply is written as text (with escapes) or as hex bytes.</source>
        <translation>回复以文本（可含转义）还是十六进制字节书写。</translation>
    </message>
    <message>
        <source>The bytes sent back; empty sends nothing and suppresses the echo.</source>
        <translation>发回的字节；留空则不发送任何内容，并且不回显。</translation>
    </message>
    <message>
        <source>Delay before the reply is sent, in milliseconds.</source>
        <translation>发送回复前的延时，单位毫秒。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
<context>
    <name>sockscope::AutoReplyRules</name>
    <message>
        <source>character %1 cannot be encoded in %2</source>
        <translation>字符 %1 无法用 %2 编码</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>Rule %1 “%2”</source>
        <translation>规则 %1“%2”</translation>
    </message>
    <message>
        <source>position %1</source>
        <translation>位置 %1</translation>
    </message>
    <message>
        <source>&quot;${&quot; without a closing &quot;}&quot; (write a literal &quot;$&quot; as \u0024)</source>
        <translation>&quot;${&quot; 缺少配对的 &quot;}&quot;（字面的 &quot;$&quot; 请写作 \u0024）</translation>
    </message>
    <message>
        <source>the pattern has no group named &quot;%1&quot;</source>
        <translation>匹配内容中没有名为 &quot;%1&quot; 的组</translation>
    </message>
    <message>
        <source>placeholders are ${0} to ${99} or ${name}</source>
        <translation>占位符应为 ${0} 到 ${99} 或 ${name}</translation>
    </message>
    <message numerus="yes">
        <source>the pattern has no group %1 (it has %n group(s))</source>
        <translation>
            <numerusform>匹配内容中没有第 %1 组（只有 %n 个组）</numerusform>
        </translation>
    </message>
    <message>
        <source>more than %1 placeholders</source>
        <translation>占位符超过 %1 个</translation>
    </message>
    <message>
        <source>the pattern is empty</source>
        <translation>匹配内容为空</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <source>must be between 0 and %1 ms</source>
        <translation>必须在 0 到 %1 ms 之间</translation>
    </message>
    <message>
        <source>a byte above \x7F is not a character: use a hex pattern to match raw bytes</source>
        <translation>高于 \x7F 的字节不是字符：要匹配原始字节，请使用十六进制匹配</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>无效的正则表达式：%1</translation>
    </message>
    <message>
        <source>%1 rules: at most %2 are allowed</source>
        <translation>共 %1 条规则：最多允许 %2 条</translation>
    </message>
    <message>
        <source>Rule %1: unknown field &quot;%2&quot; ignored</source>
        <translation>规则 %1：已忽略未知字段 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; ignored</source>
        <translation>已忽略未知字段 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>缺少必填字段</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot; 不是 %2 之一</translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation>文件大于 %1 MiB</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>not an auto-reply rule file: the top level must be an object</source>
        <translation>不是自动回复规则文件：顶层必须是对象</translation>
    </message>
    <message>
        <source>not an auto-reply rule file (expected &quot;%1&quot;)</source>
        <translation>不是自动回复规则文件（应为 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>version %1 is not supported (this build reads version %2)</source>
        <translation>不支持版本 %1（此版本程序读取版本 %2）</translation>
    </message>
    <message>
        <source>unknown encoding &quot;%1&quot; (use UTF-8, GBK or Latin-1)</source>
        <translation>未知编码 &quot;%1&quot;（请使用 UTF-8、GBK 或 Latin-1）</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <source>each rule must be an object</source>
        <translation>每条规则都必须是对象</translation>
    </message>
    <message>
        <source>SockScope sets the match limit itself: remove (*LIMIT_MATCH=…)</source>
        <translation>SockScope 自行设定匹配上限：请删除 (*LIMIT_MATCH=…)</translation>
    </message>
    <message>
        <source>a repeated group holds a repeat, as in (a+)+: a frame can make this take exponential time. Make the inner repeat possessive (a++) or the group atomic ((?&gt;…))</source>
        <translation>重复的分组里又含有重复，例如 (a+)+：某些帧会让匹配耗费指数级时间。请把内层重复改为占有式 (a++)，或把分组改为原子分组 ((?&gt;…))</translation>
    </message>
    <message>
        <source>Auto-reply rule “%1” skipped: its pattern needed more than %2 backtracking steps for a %3-byte frame (repeats that overlap, such as (a|a)+, do that). Simplify the pattern.</source>
        <translation>自动回复规则“%1”已跳过：对 %3 字节的帧，其模式需要超过 %2 步回溯（相互重叠的重复，例如 (a|a)+，会这样）。请简化该模式。</translation>
    </message>
    <message>
        <source>Frames skipped in this read: %1.</source>
        <translation>本次读取中跳过的帧：%1。</translation>
    </message>
    <message>
        <source>Auto-reply rule “%1” skipped: regex matching took more than %2 ms in one read (frames skipped: %3).</source>
        <translation>自动回复规则“%1”已跳过：一次读取中的正则匹配超过了 %2 毫秒（跳过的帧：%3）。</translation>
    </message>
</context>
<context>
    <name>sockscope::CertificateDialog</name>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>The certificate the server showed, which was refused:</source>
        <translation>服务器出示的证书（已被拒绝）：</translation>
    </message>
    <message>
        <source>Refused by verification</source>
        <translation>验证未通过</translation>
    </message>
    <message>
        <source>It showed none.</source>
        <translation>它没有出示证书。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The server&apos;s handshake and certificates, then our own.</source>
        <translation>服务器的握手与证书，其后是我方证书。</translation>
    </message>
    <message>
        <source>The selected peer&apos;s handshake and certificates, then our own.</source>
        <translation>所选对端的握手与证书，其后是我方证书。</translation>
    </message>
    <message>
        <source>Not connected to a server yet. Our own certificate:</source>
        <translation>尚未连接服务器。我方证书：</translation>
    </message>
    <message>
        <source>Select a peer to see its certificates. Our own:</source>
        <translation>选择一个对端以查看其证书。我方证书：</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>It showed no certificate.</source>
        <translation>它没有出示证书。</translation>
    </message>
    <message>
        <source>Client %1 ↔ relay</source>
        <translation>客户端 %1 ↔ 中继</translation>
    </message>
    <message>
        <source>The client showed no certificate.</source>
        <translation>客户端没有出示证书。</translation>
    </message>
    <message>
        <source>Relay ↔ server %1</source>
        <translation>中继 ↔ 服务器 %1</translation>
    </message>
    <message>
        <source>The server showed no certificate.</source>
        <translation>服务器没有出示证书。</translation>
    </message>
    <message>
        <source>Relay ↔ server</source>
        <translation>中继 ↔ 服务器</translation>
    </message>
    <message>
        <source>Not connected to the server (yet).</source>
        <translation>（尚）未连接到服务器。</translation>
    </message>
    <message>
        <source>Our certificate (shown to peers)</source>
        <translation>我方证书（向对端出示）</translation>
    </message>
    <message>
        <source>This session shows no certificate of its own.</source>
        <translation>本会话不出示自己的证书。</translation>
    </message>
</context>
<context>
    <name>sockscope::CertificatePanel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy everything shown here as plain text.</source>
        <translation>将此处显示的全部内容复制为纯文本。</translation>
    </message>
    <message>
        <source>Plain connection: no TLS.</source>
        <translation>明文连接：未使用 TLS。</translation>
    </message>
    <message>
        <source>Protocol: %1</source>
        <translation>协议：%1</translation>
    </message>
    <message>
        <source>Cipher: %1</source>
        <translation>加密套件：%1</translation>
    </message>
    <message>
        <source>ALPN: %1</source>
        <translation>ALPN：%1</translation>
    </message>
    <message>
        <source>(none agreed)</source>
        <translation>（未协商）</translation>
    </message>
    <message>
        <source>Verification errors accepted: %1</source>
        <translation>已接受的验证错误：%1</translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation>验证：%1</translation>
    </message>
    <message>
        <source>no errors</source>
        <translation>无错误</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>加密套件</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>Verification errors accepted</source>
        <translation>已接受的验证错误</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Certificate %1 (its own)</source>
        <translation>证书 %1（对方自己的）</translation>
    </message>
    <message>
        <source>Certificate %1 (issuer of %2)</source>
        <translation>证书 %1（%2 的签发者）</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>签发者</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <source>DNS names</source>
        <translation>DNS 名称</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>sockscope::Checksum</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>sockscope::ConnectionBar</name>
    <message>
        <source>0.0.0.0 (all IPv4 interfaces)</source>
        <translation>0.0.0.0（所有 IPv4 网卡）</translation>
    </message>
    <message>
        <source>:: (all interfaces, IPv6 and IPv4)</source>
        <translation>::（所有网卡，IPv6 和 IPv4）</translation>
    </message>
    <message>
        <source>127.0.0.1 (this machine only)</source>
        <translation>127.0.0.1（仅本机）</translation>
    </message>
    <message>
        <source>::1 (this machine only, IPv6)</source>
        <translation>::1（仅本机，IPv6）</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>（自动）</translation>
    </message>
    <message>
        <source>&amp;Listen on</source>
        <translation>监听地址(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>端口(&amp;P)</translation>
    </message>
    <message>
        <source>The address to listen on. 0.0.0.0 accepts connections from every network; 127.0.0.1 only from this machine.</source>
        <translation>要监听的地址。0.0.0.0 接受来自所有网络的连接；127.0.0.1 只接受本机的连接。</translation>
    </message>
    <message>
        <source>The TCP port to listen on (0: any free port).</source>
        <translation>要监听的 TCP 端口（0：任意空闲端口）。</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <source>Local address for the UDP socket.</source>
        <translation>UDP 套接字的本机地址。</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remote</source>
        <translation>远程主机(&amp;R)</translation>
    </message>
    <message>
        <source>The server to connect to: a host name, IPv4 or IPv6 address.</source>
        <translation>要连接的服务器：主机名、IPv4 或 IPv6 地址。</translation>
    </message>
    <message>
        <source>Default target for datagrams (optional).</source>
        <translation>数据报的默认目标（可选）。</translation>
    </message>
    <message>
        <source>The remote port.</source>
        <translation>远程端口。</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Show connection options</source>
        <translation>显示连接选项</translation>
    </message>
    <message>
        <source>Connections beyond this number are refused and logged.</source>
        <translation>超出此数量的连接将被拒绝并记入日志。</translation>
    </message>
    <message>
        <source>Max clients</source>
        <translation>最大客户端数</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Give up connecting after this long.</source>
        <translation>超过此时间仍未连上则放弃。</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Auto-reconnect</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>Reconnect after a failure or a close by the server, waiting longer each time (up to 30 s).</source>
        <translation>连接失败或被服务器关闭后自动重连，每次的等待时间逐渐加长（最长 30 秒）。</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <source>Bind this local port before connecting (0: automatic).</source>
        <translation>连接前绑定此本地端口（0：自动）。</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <source>Reply to last sender</source>
        <translation>回复最后发送方</translation>
    </message>
    <message>
        <source>Send to whoever sent the last datagram instead of the remote address.</source>
        <translation>发往最近一次发来数据报的一方，而不是远程地址。</translation>
    </message>
    <message>
        <source>e.g. 239.1.2.3</source>
        <translation>如 239.1.2.3</translation>
    </message>
    <message>
        <source>Multicast group to join when the socket opens.</source>
        <translation>套接字打开时要加入的组播组。</translation>
    </message>
    <message>
        <source>Multicast group</source>
        <translation>组播组</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local IP address.</source>
        <translation>&quot;%1&quot; 不是本机 IP 地址。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>请输入服务器的主机名或地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a multicast group address.</source>
        <translation>&quot;%1&quot; 不是组播组地址。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Stop this session</source>
        <translation>停止此会话</translation>
    </message>
    <message>
        <source>Start this session</source>
        <translation>启动此会话</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>&amp;Local address</source>
        <translation>本机地址(&amp;L)</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>端口(&amp;O)</translation>
    </message>
    <message>
        <source>[::] (all interfaces, IPv6 only)</source>
        <translation>[::]（所有网络接口，仅 IPv6）</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Local UDP port (any: a free port, shown below and in the tab&apos;s title once the socket is open).</source>
        <translation>本地 UDP 端口（任意：使用一个空闲端口，套接字打开后显示在下方和标签页标题中）。</translation>
    </message>
    <message>
        <source>Allow sending to broadcast addresses such as 255.255.255.255. Applies at once, also while open.</source>
        <translation>允许发送到广播地址，例如 255.255.255.255。立即生效，打开时也生效。</translation>
    </message>
    <message>
        <source>The network interface to join the group on. Choose the one the group&apos;s datagrams arrive on.</source>
        <translation>在哪个网络接口上加入组播组。请选择组播数据报到达的那个接口。</translation>
    </message>
    <message>
        <source>Default interface</source>
        <translation>默认接口</translation>
    </message>
    <message>
        <source>The address the device (the client) connects to instead of its server.</source>
        <translation>设备（客户端）改为连接的地址（代替它原来的服务器）。</translation>
    </message>
    <message>
        <source>The port the device connects to (0: any free port).</source>
        <translation>设备连接的端口（0：任意空闲端口）。</translation>
    </message>
    <message>
        <source>The real server: every client is passed on to it.</source>
        <translation>真正的服务器：每个客户端都会被转发到它。</translation>
    </message>
    <message>
        <source>The real server&apos;s port.</source>
        <translation>真正服务器的端口。</translation>
    </message>
    <message>
        <source>→ &amp;Server</source>
        <translation>→ 服务器(&amp;S)</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TCP: each client connection gets its own connection to the server. UDP: each client address gets its own socket towards the server (like a NAT).</source>
        <translation>TCP：每个客户端连接各自建立一条到服务器的连接。UDP：每个客户端地址各自使用一个通往服务器的套接字（类似 NAT）。</translation>
    </message>
    <message>
        <source>Give up connecting to the server after this long; the client is then closed with the reason (TCP only).</source>
        <translation>连接服务器超过这么久就放弃；随后关闭该客户端并说明原因（仅 TCP）。</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Clients beyond this number are refused and logged.</source>
        <translation>超出此数量的客户端将被拒绝并记入日志。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Not relaying</source>
        <translation>未在中继</translation>
    </message>
    <message>
        <source>Certificates…</source>
        <translation>证书…</translation>
    </message>
    <message>
        <source>The handshake and certificate chain of the selected peer (the server, for a client), and our own certificate.</source>
        <translation>所选对端（客户端模式下为服务器）的握手与证书链，以及我方证书。</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Accept TLS connections (certificate in TLS…); the log shows the decrypted data.</source>
        <translation>接受 TLS 连接（证书在“TLS…”中设置）；日志显示解密后的数据。</translation>
    </message>
    <message>
        <source>Connect with TLS, verifying the server (TLS…); the log shows the decrypted data.</source>
        <translation>使用 TLS 连接并验证服务器（见“TLS…”）；日志显示解密后的数据。</translation>
    </message>
    <message>
        <source>TLS…</source>
        <translation>TLS…</translation>
    </message>
    <message>
        <source>Certificate, key and client certificates for TLS.</source>
        <translation>TLS 的证书、私钥与客户端证书。</translation>
    </message>
    <message>
        <source>How the server is verified (CA file, server name), ALPN and a client certificate.</source>
        <translation>如何验证服务器（CA 文件、服务器名称）、ALPN 及客户端证书。</translation>
    </message>
    <message>
        <source>TLS on both sides: towards clients (terminated with our certificate) and towards the upstream server.</source>
        <translation>两侧都用 TLS：面向客户端（用我方证书终结）与面向上游服务器。</translation>
    </message>
    <message>
        <source>TLS towards clients (terminated with our certificate); plain towards the upstream server.</source>
        <translation>面向客户端用 TLS（用我方证书终结）；面向上游服务器用明文。</translation>
    </message>
    <message>
        <source>Plain towards clients; TLS towards the upstream server.</source>
        <translation>面向客户端用明文；面向上游服务器用 TLS。</translation>
    </message>
    <message>
        <source>TLS is off on both sides. Click to choose: towards clients, towards the upstream server, or both.</source>
        <translation>两侧都未启用 TLS。点击选择：面向客户端、面向上游服务器，或两者。</translation>
    </message>
    <message>
        <source>TLS applies to a TCP relay.</source>
        <translation>TLS 适用于 TCP 中继。</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>私钥口令</translation>
    </message>
    <message>
        <source>The key file %1 is encrypted. Its passphrase (used for this start only, never saved):</source>
        <translation>私钥文件 %1 已加密。请输入其口令（仅用于本次启动，不会保存）：</translation>
    </message>
    <message>
        <source>DTLS</source>
        <translation>DTLS</translation>
    </message>
    <message>
        <source>Datagrams over DTLS: as a server with our certificate, or as a client of the remote target (DTLS…); the log shows the decrypted data.</source>
        <translation>通过 DTLS 收发数据报：作为使用我方证书的服务器，或作为远程目标的客户端（见“DTLS…”）；日志显示解密后的数据。</translation>
    </message>
    <message>
        <source>DTLS…</source>
        <translation>DTLS…</translation>
    </message>
    <message>
        <source>DTLS server: our certificate, and what clients must show.</source>
        <translation>DTLS 服务器：我方证书，以及客户端必须出示什么。</translation>
    </message>
    <message>
        <source>DTLS client of the remote target: how the server is verified, and a client certificate.</source>
        <translation>远程目标的 DTLS 客户端：如何验证服务器，以及客户端证书。</translation>
    </message>
    <message>
        <source>Plain UDP only: not with DTLS.</source>
        <translation>仅适用于普通 UDP：不能与 DTLS 同用。</translation>
    </message>
    <message>
        <source>A DTLS client needs the remote target: the DTLS server&apos;s address and port (or make this tab a DTLS server in DTLS…).</source>
        <translation>DTLS 客户端需要远程目标：DTLS 服务器的地址和端口（或在“DTLS…”中把本标签页设为 DTLS 服务器）。</translation>
    </message>
</context>
<context>
    <name>sockscope::DtlsAssociation</name>
    <message>
        <source>The client sent no certificate, and this server requires one.</source>
        <translation>客户端没有发送证书，而本服务器要求提供。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted: %1</source>
        <translation>服务器的证书未被接受：%1</translation>
    </message>
    <message>
        <source>The client&apos;s certificate was not accepted: %1</source>
        <translation>客户端的证书未被接受：%1</translation>
    </message>
    <message>
        <source>A DTLS record that did not decrypt was ignored (%1).</source>
        <translation>已忽略一个无法解密的 DTLS 记录（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>A datagram that is not DTLS was ignored (%n byte(s)).</source>
        <translation>
            <numerusform>已忽略一个不是 DTLS 的数据报（%n 字节）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The DTLS handshake has not finished.</source>
        <translation>DTLS 握手尚未完成。</translation>
    </message>
    <message>
        <source>A DTLS datagram carries at most %1 bytes; this message has %2 bytes. Split it.</source>
        <translation>一个 DTLS 数据报最多承载 %1 字节；此消息有 %2 字节。请拆分。</translation>
    </message>
</context>
<context>
    <name>sockscope::DtlsSession</name>
    <message>
        <source>DTLS cannot start: a DTLS client needs the server&apos;s address and port; a DTLS server needs a certificate and its key (or a generated one).</source>
        <translation>DTLS 无法启动：DTLS 客户端需要服务器的地址和端口；DTLS 服务器需要证书及其私钥（或生成的证书）。</translation>
    </message>
    <message>
        <source>DTLS cannot start: %1</source>
        <translation>DTLS 无法启动：%1</translation>
    </message>
    <message>
        <source>DTLS certificate generated for this run: %1, SHA-256 %2</source>
        <translation>已为本次运行生成 DTLS 证书：%1，SHA-256 %2</translation>
    </message>
    <message>
        <source>DTLS certificate: %1, SHA-256 %2</source>
        <translation>DTLS 证书：%1，SHA-256 %2</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <source>Cannot bind %1: %2</source>
        <translation>无法绑定 %1：%2</translation>
    </message>
    <message>
        <source>DTLS server bound to %1</source>
        <translation>DTLS 服务器已绑定到 %1</translation>
    </message>
    <message>
        <source>DTLS handshake with %1 from %2…</source>
        <translation>正在从 %2 与 %1 进行 DTLS 握手…</translation>
    </message>
    <message>
        <source>The server name %1 is checked against the server&apos;s certificate but not sent (Qt&apos;s DTLS sends no SNI).</source>
        <translation>服务器名称 %1 会与服务器证书核对，但不会发送（Qt 的 DTLS 不发送 SNI）。</translation>
    </message>
    <message>
        <source>it is not from the DTLS server %1.</source>
        <translation>它不是来自 DTLS 服务器 %1。</translation>
    </message>
    <message numerus="yes">
        <source>it is not DTLS (%n byte(s)); this port speaks DTLS only.</source>
        <translation>
            <numerusform>它不是 DTLS（%n 字节）；此端口只使用 DTLS。</numerusform>
        </translation>
    </message>
    <message>
        <source>the client started a new DTLS session</source>
        <translation>客户端开始了新的 DTLS 会话</translation>
    </message>
    <message numerus="yes">
        <source>%n DTLS client(s) are handshaking already (the limit).</source>
        <translation>
            <numerusform>已有 %n 个 DTLS 客户端在握手（已达上限）。</numerusform>
        </translation>
    </message>
    <message>
        <source>DTLS handshake with %1…</source>
        <translation>正在与 %1 进行 DTLS 握手…</translation>
    </message>
    <message numerus="yes">
        <source>forgotten: more than %n DTLS client(s)</source>
        <translation>
            <numerusform>已遗忘：DTLS 客户端超过 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>the peer ended the DTLS session</source>
        <translation>对方结束了 DTLS 会话</translation>
    </message>
    <message>
        <source>The server ended the DTLS session.</source>
        <translation>服务器结束了 DTLS 会话。</translation>
    </message>
    <message>
        <source>DTLS session with %1 from %2</source>
        <translation>从 %2 与 %1 的 DTLS 会话</translation>
    </message>
    <message>
        <source>DTLS handshake finished: %1, %2</source>
        <translation>DTLS 握手完成：%1，%2</translation>
    </message>
    <message>
        <source>; peer certificate %1 (SHA-256 %2)</source>
        <translation>；对方证书 %1（SHA-256 %2）</translation>
    </message>
    <message>
        <source>Accepted despite a failed verification (insecure): %1</source>
        <translation>验证失败但已接受（不安全模式）：%1</translation>
    </message>
    <message>
        <source>DTLS handshake with %1 failed: %2</source>
        <translation>与 %1 的 DTLS 握手失败：%2</translation>
    </message>
    <message>
        <source>Ignored a datagram from %1: %2</source>
        <translation>已忽略来自 %1 的数据报：%2</translation>
    </message>
    <message>
        <source>Socket closed.</source>
        <translation>套接字已关闭。</translation>
    </message>
    <message>
        <source>socket closed</source>
        <translation>套接字已关闭</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>DTLS session closed</source>
        <translation>DTLS 会话已关闭</translation>
    </message>
    <message>
        <source>The UDP socket is not open.</source>
        <translation>UDP 套接字未打开。</translation>
    </message>
    <message>
        <source>No DTLS client has finished its handshake yet.</source>
        <translation>还没有 DTLS 客户端完成握手。</translation>
    </message>
    <message>
        <source>The DTLS handshake with %1 has not finished yet.</source>
        <translation>与 %1 的 DTLS 握手尚未完成。</translation>
    </message>
</context>
<context>
    <name>sockscope::DynamicFields</name>
    <message>
        <source>empty option</source>
        <translation>空选项</translation>
    </message>
    <message>
        <source>more than one format given</source>
        <translation>指定了多种格式</translation>
    </message>
    <message>
        <source>width must be a number from 1 to %1</source>
        <translation>width 必须是 1 到 %1 之间的数字</translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;</source>
        <translation>未知选项 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>width applies to dec and hex only; a binary field always takes its size in bytes</source>
        <translation>width 只适用于 dec 和 hex；二进制字段的宽度总是其字节数</translation>
    </message>
    <message>
        <source>%1 needs a whole number</source>
        <translation>%1 需要一个整数</translation>
    </message>
    <message>
        <source>adjust needs a whole number such as -2</source>
        <translation>adjust 需要一个整数，如 -2</translation>
    </message>
    <message>
        <source>random takes a byte count from 1 to %1</source>
        <translation>random 的字节数应为 1 到 %1</translation>
    </message>
    <message>
        <source>more than one time style given</source>
        <translation>指定了多种时间格式</translation>
    </message>
    <message>
        <source>a binary time needs u32 or u64</source>
        <translation>二进制时间需要 u32 或 u64</translation>
    </message>
    <message>
        <source>unknown time option &quot;%1&quot;: use unix, unixms, iso, a binary format such as u32be, or a pattern such as HH:mm:ss.zzz</source>
        <translation>未知的时间选项 &quot;%1&quot;：请使用 unix、unixms、iso、二进制格式（如 u32be）或时间模式（如 HH:mm:ss.zzz）</translation>
    </message>
    <message>
        <source>iso takes no other options</source>
        <translation>iso 不能带其他选项</translation>
    </message>
    <message>
        <source>width applies to dec and hex only</source>
        <translation>width 只适用于 dec 和 hex</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; or &apos;}}&apos; after the field name &quot;%1&quot;</source>
        <translation>字段名 &quot;%1&quot; 之后应为 &apos;:&apos; 或 &apos;}}&apos;</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;: the fields are counter, time, random and len (write {{{{ for a literal {{)</source>
        <translation>未知字段 &quot;%1&quot;：可用字段为 counter、time、random 和 len（字面的 {{ 请写作 {{{{）</translation>
    </message>
    <message>
        <source>a backslash cannot escape a brace: write \\ for a backslash, or {{{{ for a literal {{</source>
        <translation>反斜杠不能转义花括号：反斜杠请写作 \\，字面的 {{ 请写作 {{{{</translation>
    </message>
    <message>
        <source>the field is not closed with }} (write {{{{ for a literal {{)</source>
        <translation>字段未以 }} 结束（字面的 {{ 请写作 {{{{）</translation>
    </message>
</context>
<context>
    <name>sockscope::Escapes</name>
    <message>
        <source>lone backslash at the end; write \\ for a backslash</source>
        <translation>末尾有单独的反斜杠；反斜杠请写作 \\</translation>
    </message>
    <message>
        <source>\x needs two hex digits</source>
        <translation>\x 后需要两位十六进制数字</translation>
    </message>
    <message>
        <source>\u needs four hex digits</source>
        <translation>\u 后需要四位十六进制数字</translation>
    </message>
    <message>
        <source>\u%1 is a lone low surrogate</source>
        <translation>\u%1 是孤立的低位代理项</translation>
    </message>
    <message>
        <source>\u%1 is a high surrogate and must be followed by a low surrogate \uDC00-\uDFFF</source>
        <translation>\u%1 是高位代理项，其后必须紧跟一个低位代理项 \uDC00-\uDFFF</translation>
    </message>
    <message>
        <source>unknown escape \%1</source>
        <translation>未知的转义 \%1</translation>
    </message>
</context>
<context>
    <name>sockscope::FileSender</name>
    <message>
        <source>The session was closed during the transfer.</source>
        <translation>传输过程中会话已关闭。</translation>
    </message>
    <message>
        <source>UDP does not guarantee delivery: datagrams may be lost, duplicated or reordered without notice, so the receiver may not have all of the file.</source>
        <translation>UDP 不保证送达：数据报可能丢失、重复或乱序，且不会有任何提示，因此接收方可能没有收到完整的文件。</translation>
    </message>
    <message>
        <source>A file is already being sent.</source>
        <translation>已有文件正在发送。</translation>
    </message>
    <message>
        <source>There is no session to send through.</source>
        <translation>没有可用于发送的会话。</translation>
    </message>
    <message>
        <source>The datagram size must be between 1 and %1 bytes.</source>
        <translation>数据报大小必须在 1 到 %1 字节之间。</translation>
    </message>
    <message>
        <source>The send rate cannot be negative.</source>
        <translation>发送速率不能为负数。</translation>
    </message>
    <message>
        <source>The UDP socket is not open.</source>
        <translation>UDP 套接字未打开。</translation>
    </message>
    <message>
        <source>That peer is not known any more.</source>
        <translation>该对端已不存在。</translation>
    </message>
    <message>
        <source>The chunk size and the high-water mark must be positive.</source>
        <translation>块大小和高水位线必须为正数。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>No client is connected.</source>
        <translation>没有已连接的客户端。</translation>
    </message>
    <message numerus="yes">
        <source>%n clients are connected: choose the one to send the file to.</source>
        <translation>
            <numerusform>已连接 %n 个客户端：请选择要向哪个客户端发送文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>That peer is not connected.</source>
        <translation>该对端未连接。</translation>
    </message>
    <message>
        <source>No file was chosen.</source>
        <translation>未选择文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: the file does not exist.</source>
        <translation>无法读取 %1：文件不存在。</translation>
    </message>
    <message>
        <source>Cannot send %1: it is a folder, not a file.</source>
        <translation>无法发送 %1：这是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot send %1: it is not a regular file.</source>
        <translation>无法发送 %1：不是普通文件。</translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to send.</source>
        <translation>%1 是空文件：没有可发送的内容。</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 bytes.</source>
        <translation>已取消，已发送 %1 / %2 字节。</translation>
    </message>
    <message>
        <source>the peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Reading %1 failed after %2 bytes: %3</source>
        <translation>读取 %1 失败（已读取 %2 字节）：%3</translation>
    </message>
    <message>
        <source>%1 ended after %2 bytes; it had %3 bytes when the transfer began.</source>
        <translation>%1 在 %2 字节处结束；传输开始时它有 %3 字节。</translation>
    </message>
    <message>
        <source>Sending to %1 failed after %2 of %3 bytes: %4</source>
        <translation>发送到 %1 失败，已发送 %2 / %3 字节：%4</translation>
    </message>
    <message>
        <source>Sent %1 (%2 bytes) to %3.</source>
        <translation>已将 %1（%2 字节）发送到 %3。</translation>
    </message>
    <message>
        <source>Sending datagram %1 failed after %2 of %3 bytes: %4</source>
        <translation>发送第 %1 个数据报失败，已发送 %2 / %3 字节：%4</translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 (%2 bytes) as %n datagram(s).</source>
        <translation>
            <numerusform>已发送 %1（%2 字节），共 %n 个数据报。</numerusform>
        </translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>%1 went away after %2 of %3 bytes (%4).</source>
        <translation>%1 已离开，已发送 %2 / %3 字节（%4）。</translation>
    </message>
    <message>
        <source>The UDP socket was closed after %1 of %2 bytes.</source>
        <translation>UDP 套接字已关闭，已发送 %1 / %2 字节。</translation>
    </message>
</context>
<context>
    <name>sockscope::FramingSelector</name>
    <message>
        <source>&amp;Framing</source>
        <translation>分帧(&amp;F)</translation>
    </message>
    <message>
        <source>Raw chunks (as received)</source>
        <translation>原始数据（按接收）</translation>
    </message>
    <message>
        <source>Lines (\n or \r\n)</source>
        <translation>按行 (\n 或 \r\n)</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Fixed length</source>
        <translation>固定长度</translation>
    </message>
    <message>
        <source>Length prefix</source>
        <translation>长度前缀</translation>
    </message>
    <message>
        <source>Idle gap</source>
        <translation>空闲间隔</translation>
    </message>
    <message>
        <source>How received bytes are cut into messages. TCP is a stream: one send() on the other side may arrive in pieces or glued to the next (&quot;sticky packets&quot;). Framing makes each message one log row.</source>
        <translation>如何把接收的字节切分成消息。TCP 是字节流：对方的一次 send() 可能分几次到达，也可能与下一次粘在一起（“粘包”）。分帧后每条消息占日志中的一行。</translation>
    </message>
    <message>
        <source>hex, e.g. 0D 0A</source>
        <translation>十六进制，如 0D 0A</translation>
    </message>
    <message>
        <source>The bytes that end a message, in hex.</source>
        <translation>标志消息结束的字节（十六进制）。</translation>
    </message>
    <message>
        <source>Keep delimiter</source>
        <translation>保留分隔符</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>1-byte length</source>
        <translation>1 字节长度</translation>
    </message>
    <message>
        <source>2-byte length</source>
        <translation>2 字节长度</translation>
    </message>
    <message>
        <source>4-byte length</source>
        <translation>4 字节长度</translation>
    </message>
    <message>
        <source>big-endian</source>
        <translation>大端</translation>
    </message>
    <message>
        <source>little-endian</source>
        <translation>小端</translation>
    </message>
    <message>
        <source>Length counts header</source>
        <translation>长度含头部</translation>
    </message>
    <message>
        <source>offset </source>
        <translation>偏移 </translation>
    </message>
    <message>
        <source>Bytes before the length field (e.g. a 2-byte magic).</source>
        <translation>长度字段之前的字节数（如 2 字节的魔数）。</translation>
    </message>
    <message>
        <source>adjust </source>
        <translation>修正 </translation>
    </message>
    <message>
        <source>Bytes the length does not count, e.g. +2 for a trailing CRC.</source>
        <translation>长度未计入的字节数，如末尾有 CRC 则为 +2。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>A message ends after this much silence.</source>
        <translation>静默超过此时间即视为一条消息结束。</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>max </source>
        <translation>最大 </translation>
    </message>
    <message>
        <source>Longest message kept in one piece; longer ones are cut and marked, so memory never grows without bound.</source>
        <translation>单条消息的最大长度；超长的消息会被切断并标记，因此内存不会无限增长。</translation>
    </message>
    <message>
        <source>Delimiter, column %1: %2</source>
        <translation>分隔符，第 %1 列：%2</translation>
    </message>
</context>
<context>
    <name>sockscope::FramingSpec</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>max: maximum frame size must be 1..%1</source>
        <translation>max：最大帧长必须为 1..%1</translation>
    </message>
    <message>
        <source>delim: delimiter must be 1..%1 bytes</source>
        <translation>delim：分隔符必须为 1..%1 字节</translation>
    </message>
    <message>
        <source>fixed: length must be 1..%1</source>
        <translation>fixed：长度必须为 1..%1</translation>
    </message>
    <message>
        <source>len: length field must be 1, 2 or 4 bytes</source>
        <translation>len：长度字段必须为 1、2 或 4 字节</translation>
    </message>
    <message>
        <source>len: offset must be 0..%1</source>
        <translation>len：偏移必须为 0..%1</translation>
    </message>
    <message>
        <source>len: adjustment must be -%1..%1</source>
        <translation>len：修正值必须为 -%1..%1</translation>
    </message>
    <message>
        <source>len: maximum frame size must be at least the header size (%1)</source>
        <translation>len：最大帧长不能小于头部长度（%1）</translation>
    </message>
    <message>
        <source>gap: idle time must be 1..%1 ms</source>
        <translation>gap：空闲时间必须为 1..%1 ms</translation>
    </message>
    <message>
        <source>framing is empty; expected raw, line, delim:HEX, fixed:N, len:1|2|4[:be|le] or gap:MS</source>
        <translation>分帧方式为空；应为 raw、line、delim:HEX、fixed:N、len:1|2|4[:be|le] 或 gap:MS</translation>
    </message>
    <message>
        <source>delim: expected hex bytes such as delim:0D0A</source>
        <translation>delim：应为十六进制字节，如 delim:0D0A</translation>
    </message>
    <message>
        <source>fixed: expected a length such as fixed:16</source>
        <translation>fixed：应为长度，如 fixed:16</translation>
    </message>
    <message>
        <source>len: expected the length field size such as len:2</source>
        <translation>len：应为长度字段的大小，如 len:2</translation>
    </message>
    <message>
        <source>gap: expected an idle time in ms such as gap:50</source>
        <translation>gap：应为以 ms 为单位的空闲时间，如 gap:50</translation>
    </message>
    <message>
        <source>unknown framing &apos;%1&apos;; expected raw, line, delim:HEX, fixed:N, len:1|2|4[:be|le] or gap:MS</source>
        <translation>未知的分帧方式 &apos;%1&apos;；应为 raw、line、delim:HEX、fixed:N、len:1|2|4[:be|le] 或 gap:MS</translation>
    </message>
    <message>
        <source>%1: unknown option &apos;%2&apos;</source>
        <translation>%1：未知选项 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: option &apos;%2&apos; does not apply</source>
        <translation>%1：选项 &apos;%2&apos; 不适用</translation>
    </message>
    <message>
        <source>%1: bad value in &apos;%2&apos;</source>
        <translation>%1：&apos;%2&apos; 中的值无效</translation>
    </message>
    <message>
        <source>Raw (each read as received)</source>
        <translation>原始（每次读取原样显示）</translation>
    </message>
    <message>
        <source>Lines (LF or CR LF, kept)</source>
        <translation>按行（LF 或 CR LF，保留）</translation>
    </message>
    <message>
        <source>Lines (LF or CR LF)</source>
        <translation>按行（LF 或 CR LF）</translation>
    </message>
    <message>
        <source>Delimiter %1 (kept)</source>
        <translation>分隔符 %1（保留）</translation>
    </message>
    <message>
        <source>Delimiter %1 (stripped)</source>
        <translation>分隔符 %1（去除）</translation>
    </message>
    <message>
        <source>, trailing CR trimmed</source>
        <translation>，去除末尾 CR</translation>
    </message>
    <message>
        <source>Fixed length %1</source>
        <translation>固定长度 %1</translation>
    </message>
    <message>
        <source> big-endian</source>
        <translation>，大端</translation>
    </message>
    <message>
        <source> little-endian</source>
        <translation>，小端</translation>
    </message>
    <message>
        <source>Length prefix, %1-byte%2</source>
        <translation>长度前缀，%1 字节%2</translation>
    </message>
    <message>
        <source> at offset %1</source>
        <translation>，偏移 %1</translation>
    </message>
    <message>
        <source>, counts whole frame</source>
        <translation>，计整帧长度</translation>
    </message>
    <message>
        <source>, counts bytes after it</source>
        <translation>，计其后字节数</translation>
    </message>
    <message>
        <source>, %1 extra</source>
        <translation>，另加 %1</translation>
    </message>
    <message>
        <source>, adjusted by %1</source>
        <translation>，修正 %1</translation>
    </message>
    <message>
        <source>Idle gap %1 ms</source>
        <translation>空闲间隔 %1 ms</translation>
    </message>
    <message>
        <source>, max frame %1</source>
        <translation>，最大帧长 %1</translation>
    </message>
    <message>
        <source>%1: the byte order is given twice</source>
        <translation>%1：字节序指定了两次</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is given twice</source>
        <translation>%1：“%2”指定了两次</translation>
    </message>
</context>
<context>
    <name>sockscope::HeadlessRunner</name>
    <message>
        <source>Cannot build the message: %1</source>
        <translation>无法生成消息：%1</translation>
    </message>
    <message>
        <source>Cannot read the rules file %1: %2</source>
        <translation>无法读取规则文件 %1：%2</translation>
    </message>
    <message>
        <source>Rules file %1: %2</source>
        <translation>规则文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: the file does not exist.</source>
        <translation>无法读取 %1：文件不存在。</translation>
    </message>
    <message>
        <source>Cannot send %1: it is a folder, not a file.</source>
        <translation>无法发送 %1：这是一个文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Cannot send %1: it is not a regular file.</source>
        <translation>无法发送 %1：不是普通文件。</translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to send.</source>
        <translation>%1 是空的：没有可发送的内容。</translation>
    </message>
    <message>
        <source>Cannot read the rules file %1: it is not a regular file.</source>
        <translation>无法读取规则文件 %1：不是普通文件。</translation>
    </message>
</context>
<context>
    <name>sockscope::Hex</name>
    <message>
        <source>&quot;%1&quot; must be followed by hex digits</source>
        <translation>&quot;%1&quot; 后面必须跟十六进制数字</translation>
    </message>
    <message>
        <source>%1 is not a hex digit</source>
        <translation>%1 不是十六进制数字</translation>
    </message>
    <message>
        <source>odd number of hex digits (%1) in &quot;%2&quot;: each byte needs two digits</source>
        <translation>&quot;%2&quot; 中的十六进制数字个数为奇数（%1）：每个字节需要两位数字</translation>
    </message>
</context>
<context>
    <name>sockscope::HexDumpView</name>
    <message>
        <source>Copy as Hex</source>
        <translation>复制为十六进制</translation>
    </message>
    <message>
        <source>Copy as Text</source>
        <translation>复制为文本</translation>
    </message>
    <message>
        <source>Copy as C Array</source>
        <translation>复制为 C 数组</translation>
    </message>
    <message>
        <source>Copy Hex Dump</source>
        <translation>复制十六进制转储</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
</context>
<context>
    <name>sockscope::LaunchOptions</name>
    <message>
        <source>Run without a window; log to stdout.</source>
        <translation>不打开窗口运行；日志输出到 stdout。</translation>
    </message>
    <message>
        <source>Window: listen/connect right away.</source>
        <translation>窗口模式：启动后立即监听/连接。</translation>
    </message>
    <message>
        <source>Server/UDP: local port (0 = any). Client: the server&apos;s port.</source>
        <translation>服务端/UDP：本地端口（0 = 任意）。客户端：服务器端口。</translation>
    </message>
    <message>
        <source>Client: server host name or address.</source>
        <translation>客户端：服务器主机名或地址。</translation>
    </message>
    <message>
        <source>Client: local port to bind.</source>
        <translation>客户端：要绑定的本地端口。</translation>
    </message>
    <message>
        <source>Client: reconnect automatically.</source>
        <translation>客户端：自动重连。</translation>
    </message>
    <message>
        <source>UDP: default target host:port.</source>
        <translation>UDP：默认目标 host:port。</translation>
    </message>
    <message>
        <source>UDP: allow broadcast.</source>
        <translation>UDP：允许广播。</translation>
    </message>
    <message>
        <source>UDP: join a multicast group.</source>
        <translation>UDP：加入组播组。</translation>
    </message>
    <message>
        <source>UDP: send to whoever sent the last datagram.</source>
        <translation>UDP：发往最近一次发来数据报的一方。</translation>
    </message>
    <message>
        <source>Display/send encoding: utf-8, gbk, latin1 or hex.</source>
        <translation>显示/发送编码：utf-8、gbk、latin1 或 hex。</translation>
    </message>
    <message>
        <source>Receive framing: raw, line, delim:HEX, fixed:N, len:1|2|4[:be|le], gap:MS.</source>
        <translation>接收分帧：raw、line、delim:HEX、fixed:N、len:1|2|4[:be|le]、gap:MS。</translation>
    </message>
    <message>
        <source>Send every received frame back.</source>
        <translation>将收到的每一帧原样发回。</translation>
    </message>
    <message>
        <source>Server: client limit.</source>
        <translation>服务端：客户端数量上限。</translation>
    </message>
    <message>
        <source>Write a JSON report when done.</source>
        <translation>结束时写出 JSON 报告。</translation>
    </message>
    <message>
        <source>Send this text.</source>
        <translation>发送此文本。</translation>
    </message>
    <message>
        <source>Send these hex bytes.</source>
        <translation>发送这些十六进制字节。</translation>
    </message>
    <message>
        <source>Send this file&apos;s bytes.</source>
        <translation>发送此文件的内容。</translation>
    </message>
    <message>
        <source>Interpret \r \n \t \xNN \uXXXX escapes in --send.</source>
        <translation>解析 --send 中的 \r \n \t \xNN \uXXXX 转义。</translation>
    </message>
    <message>
        <source>Append a checksum: sum8, xor8, crc8, crc16-modbus, crc16-ccitt-false, crc16-xmodem, crc32.</source>
        <translation>附加校验和：sum8、xor8、crc8、crc16-modbus、crc16-ccitt-false、crc16-xmodem、crc32。</translation>
    </message>
    <message>
        <source>Repeat the send every ms.</source>
        <translation>每隔指定毫秒数重复发送。</translation>
    </message>
    <message>
        <source>Client: ms to wait for replies after the last send.</source>
        <translation>客户端：最后一次发送后等待回复的毫秒数。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>--bind needs an IP address, not &quot;%1&quot;.</source>
        <translation>--bind 需要 IP 地址，而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>--port needs a number from %1 to 65535, not &quot;%2&quot;.</source>
        <translation>--port 需要 %1 到 65535 之间的数字，而不是 &quot;%2&quot;。</translation>
    </message>
    <message>
        <source>--local-port needs a number from 0 to 65535.</source>
        <translation>--local-port 需要 0 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>--timeout needs a number of milliseconds.</source>
        <translation>--timeout 需要毫秒数。</translation>
    </message>
    <message>
        <source>--remote needs host:port (e.g. 127.0.0.1:8888 or [::1]:8888), not &quot;%1&quot;.</source>
        <translation>--remote 需要 host:port（如 127.0.0.1:8888 或 [::1]:8888），而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>--join needs a multicast group address (224.0.0.0/4 or ff00::/8), not &quot;%1&quot;.</source>
        <translation>--join 需要组播组地址（224.0.0.0/4 或 ff00::/8），而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>--encoding must be utf-8, gbk, latin1 or hex, not &quot;%1&quot;.</source>
        <translation>--encoding 必须是 utf-8、gbk、latin1 或 hex，而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>--framing: %1</source>
        <translation>--framing：%1</translation>
    </message>
    <message>
        <source>--max-clients needs a positive number.</source>
        <translation>--max-clients 需要正数。</translation>
    </message>
    <message>
        <source>Use only one of --send, --send-hex and --send-file.</source>
        <translation>--send、--send-hex 和 --send-file 只能使用其中一个。</translation>
    </message>
    <message>
        <source>--checksum: unknown kind &quot;%1&quot;.</source>
        <translation>--checksum：未知类型 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>--interval needs a positive number of milliseconds.</source>
        <translation>--interval 需要正的毫秒数。</translation>
    </message>
    <message>
        <source>--count needs a number (0 = forever).</source>
        <translation>--count 需要一个数字（0 = 无限）。</translation>
    </message>
    <message>
        <source>--linger needs a number of milliseconds.</source>
        <translation>--linger 需要毫秒数。</translation>
    </message>
    <message>
        <source>tcp-client needs --host and --port.</source>
        <translation>tcp-client 需要 --host 和 --port。</translation>
    </message>
    <message>
        <source>%1 needs --port (0 for any free port).</source>
        <translation>%1 需要 --port（0 表示任意空闲端口）。</translation>
    </message>
    <message>
        <source>Sending over UDP needs --remote host:port.</source>
        <translation>通过 UDP 发送需要 --remote host:port。</translation>
    </message>
    <message>
        <source>--send-file cannot be repeated with --interval.</source>
        <translation>--send-file 不能与 --interval 一起使用来重复发送。</translation>
    </message>
    <message>
        <source>--send needs a non-empty message.</source>
        <translation>--send 需要非空的消息。</translation>
    </message>
    <message>
        <source>--%1 is given more than once.</source>
        <translation>--%1 指定了不止一次。</translation>
    </message>
    <message>
        <source>--%1 does not apply to %2.</source>
        <translation>--%1 不适用于 %2。</translation>
    </message>
    <message>
        <source>--%1 applies only with --headless.</source>
        <translation>--%1 只能与 --headless 一起使用。</translation>
    </message>
    <message>
        <source>--escapes applies only to --send.</source>
        <translation>--escapes 只适用于 --send。</translation>
    </message>
    <message>
        <source>--checksum applies only to --send and --send-hex.</source>
        <translation>--checksum 只适用于 --send 和 --send-hex。</translation>
    </message>
    <message>
        <source>--%1 needs a message to send (--send, --send-hex or --send-file).</source>
        <translation>--%1 需要一条要发送的消息（--send、--send-hex 或 --send-file）。</translation>
    </message>
    <message>
        <source>--count does not apply to --send-file.</source>
        <translation>--count 不适用于 --send-file。</translation>
    </message>
    <message>
        <source>Local address (server/UDP: where to listen, :: for every IPv6 and IPv4 address, [::] for IPv6 only; client: local bind).</source>
        <translation>本地地址（服务器/UDP：监听位置，:: 表示所有 IPv6 和 IPv4 地址，[::] 表示仅 IPv6；客户端：本地绑定地址）。</translation>
    </message>
    <message>
        <source>Stop after this many seconds (above 0, at most 365 days).</source>
        <translation>运行这么多秒后停止（大于 0，最多 365 天）。</translation>
    </message>
    <message>
        <source>How many times to send: back to back, or one every --interval (0 = forever, with --interval only).</source>
        <translation>发送次数：连续发送，或每隔 --interval 发送一次（0 = 无限，仅限与 --interval 一起使用）。</translation>
    </message>
    <message>
        <source>--framing: the maximum frame size (%1) is below the fixed length (%2): every frame would be cut.</source>
        <translation>--framing：最大帧长（%1）小于固定长度（%2）：每一帧都会被截断。</translation>
    </message>
    <message>
        <source>--rules needs a file name.</source>
        <translation>--rules 需要一个文件名。</translation>
    </message>
    <message>
        <source>--report needs a file name.</source>
        <translation>--report 需要一个文件名。</translation>
    </message>
    <message>
        <source>--duration needs a number of seconds above 0 and at most %1 (365 days), not &quot;%2&quot;.</source>
        <translation>--duration 需要大于 0 且不超过 %1（365 天）的秒数，而不是 &quot;%2&quot;。</translation>
    </message>
    <message>
        <source>--count 0 (forever) needs --interval MS.</source>
        <translation>--count 0（无限）需要 --interval 毫秒数。</translation>
    </message>
    <message>
        <source>--remote %1 cannot be reached from --bind %2: they are of different IP versions.</source>
        <translation>从 --bind %2 无法到达 --remote %1：两者的 IP 版本不同。</translation>
    </message>
    <message>
        <source>tcp-server, tcp-client, udp or relay.</source>
        <translation>tcp-server、tcp-client、udp 或 relay。</translation>
    </message>
    <message>
        <source>Relay: the server to pass each client on to.</source>
        <translation>中继：把每个客户端转发到的服务器。</translation>
    </message>
    <message>
        <source>Relay: tcp (the default) or udp.</source>
        <translation>中继：tcp（默认）或 udp。</translation>
    </message>
    <message>
        <source>Client, relay: connect timeout in ms.</source>
        <translation>客户端、中继：连接超时（毫秒）。</translation>
    </message>
    <message>
        <source>--upstream needs host:port (e.g. 127.0.0.1:8883 or [::1]:8883), not &quot;%1&quot;.</source>
        <translation>--upstream 需要 主机:端口（如 127.0.0.1:8883 或 [::1]:8883），而不是“%1”。</translation>
    </message>
    <message>
        <source>--transport must be tcp or udp, not &quot;%1&quot;.</source>
        <translation>--transport 必须是 tcp 或 udp，而不是“%1”。</translation>
    </message>
    <message>
        <source>relay needs --upstream host:port (the server to pass clients on to).</source>
        <translation>relay 需要 --upstream 主机:端口（客户端要转发到的服务器）。</translation>
    </message>
    <message>
        <source>SockScope network debugging assistant: TCP server, TCP client, UDP peer and relay.
Without --headless the window opens, configured by the same options.</source>
        <translation>SockScope 网络调试助手：TCP 服务器、TCP 客户端、UDP 端点和中继。
不带 --headless 时打开窗口，并按相同的选项进行配置。</translation>
    </message>
    <message>
        <source>--mode must be tcp-server, tcp-client, udp or relay, not &quot;%1&quot;.</source>
        <translation>--mode 必须是 tcp-server、tcp-client、udp 或 relay，而不是“%1”。</translation>
    </message>
    <message>
        <source>--headless needs --mode tcp-server, tcp-client, udp or relay.</source>
        <translation>--headless 需要 --mode tcp-server、tcp-client、udp 或 relay。</translation>
    </message>
    <message>
        <source>Relay: framing of the server→client direction (default: as --framing, which then frames client→server only).</source>
        <translation>中继：服务器→客户端方向的分帧（默认同 --framing，此时 --framing 只用于客户端→服务器）。</translation>
    </message>
    <message>
        <source>Relay: pass client→server bytes on this many ms late.</source>
        <translation>中继：客户端→服务器的数据延迟这么多毫秒再转发。</translation>
    </message>
    <message>
        <source>Relay: pass server→client bytes on this many ms late.</source>
        <translation>中继：服务器→客户端的数据延迟这么多毫秒再转发。</translation>
    </message>
    <message>
        <source>Relay: pass client→server bytes on at most this fast.</source>
        <translation>中继：客户端→服务器的数据转发速率上限。</translation>
    </message>
    <message>
        <source>Relay: pass server→client bytes on at most this fast.</source>
        <translation>中继：服务器→客户端的数据转发速率上限。</translation>
    </message>
    <message>
        <source>--%1 needs a number of milliseconds up to %2.</source>
        <translation>--%1 需要不超过 %2 的毫秒数。</translation>
    </message>
    <message>
        <source>--%1 needs a positive number of bytes per second.</source>
        <translation>--%1 需要一个正数（字节/秒）。</translation>
    </message>
    <message>
        <source>--s2c-framing: %1</source>
        <translation>--s2c-framing：%1</translation>
    </message>
    <message>
        <source>Auto-reply rules (JSON file); for a relay, rewrite rules.</source>
        <translation>自动回复规则（JSON 文件）；中继模式下为改写规则。</translation>
    </message>
    <message>
        <source>--%1 needs a file name.</source>
        <translation>--%1 需要一个文件名。</translation>
    </message>
    <message>
        <source>--%1: %2 does not exist.</source>
        <translation>--%1：%2 不存在。</translation>
    </message>
    <message>
        <source>--%1: %2 is not a readable file.</source>
        <translation>--%1：%2 不是可读的文件。</translation>
    </message>
    <message>
        <source>Client, server: TLS on the connection.</source>
        <translation>客户端、服务器：连接使用 TLS。</translation>
    </message>
    <message>
        <source>Relay: TLS towards clients (terminated here, with --cert/--key or --gen-cert).</source>
        <translation>中继：面向客户端使用 TLS（在此终结，使用 --cert/--key 或 --gen-cert）。</translation>
    </message>
    <message>
        <source>Relay: TLS towards the server (with --ca, --insecure, --sni, --alpn, --client-cert).</source>
        <translation>中继：面向服务器使用 TLS（配合 --ca、--insecure、--sni、--alpn、--client-cert）。</translation>
    </message>
    <message>
        <source>TLS: our certificate (PEM; a server&apos;s, or a client&apos;s own).</source>
        <translation>TLS：我方证书（PEM；服务器的证书，或客户端自己的证书）。</translation>
    </message>
    <message>
        <source>TLS: the private key of --cert (PEM).</source>
        <translation>TLS：--cert 的私钥（PEM）。</translation>
    </message>
    <message>
        <source>TLS server: a throwaway self-signed certificate for this run (localhost, 127.0.0.1, ::1); prints its SHA-256 fingerprint.</source>
        <translation>TLS 服务器：为本次运行生成一次性自签名证书（localhost、127.0.0.1、::1），并打印其 SHA-256 指纹。</translation>
    </message>
    <message>
        <source>TLS: trust these certificates (client: for the server, instead of the system&apos;s; server: verify client certificates against them).</source>
        <translation>TLS：信任这些证书（客户端：用于验证服务器，代替系统的 CA；服务器：用它们验证客户端证书）。</translation>
    </message>
    <message>
        <source>TLS client: go on despite verification errors (they are logged).</source>
        <translation>TLS 客户端：验证出错仍继续（错误会记入日志）。</translation>
    </message>
    <message>
        <source>TLS client: the server name to send and check (default: the host).</source>
        <translation>TLS 客户端：要发送并核对的服务器名称（默认：主机）。</translation>
    </message>
    <message>
        <source>TLS: application protocols to offer, comma-separated (h2,http/1.1).</source>
        <translation>TLS：提供的应用层协议，逗号分隔（h2,http/1.1）。</translation>
    </message>
    <message>
        <source>TLS client: our certificate for mutual TLS (PEM).</source>
        <translation>TLS 客户端：用于双向 TLS 的我方证书（PEM）。</translation>
    </message>
    <message>
        <source>TLS client: the key of --client-cert.</source>
        <translation>TLS 客户端：--client-cert 的私钥。</translation>
    </message>
    <message>
        <source>TLS server: refuse clients without a valid certificate.</source>
        <translation>TLS 服务器：拒绝没有有效证书的客户端。</translation>
    </message>
    <message>
        <source>--tls does not apply to a relay: use --tls-listen (towards clients) and/or --tls-upstream (towards the server).</source>
        <translation>--tls 不适用于中继：请使用 --tls-listen（面向客户端）和/或 --tls-upstream（面向服务器）。</translation>
    </message>
    <message>
        <source>--%1 applies only to --mode relay.</source>
        <translation>--%1 仅适用于 --mode relay。</translation>
    </message>
    <message>
        <source>--%1 needs a TCP relay (TLS runs over TCP).</source>
        <translation>--%1 需要 TCP 中继（TLS 运行在 TCP 之上）。</translation>
    </message>
    <message>
        <source>--alpn needs protocol names of 1 to 255 bytes, not &quot;%1&quot;.</source>
        <translation>--alpn 需要 1 到 255 字节的协议名，而不是“%1”。</translation>
    </message>
    <message>
        <source>The key file is encrypted: give its passphrase in the environment variable %1.</source>
        <translation>私钥文件已加密：请在环境变量 %1 中提供其口令。</translation>
    </message>
    <message>
        <source>--%1 needs --tls-listen or --tls-upstream.</source>
        <translation>--%1 需要 --tls-listen 或 --tls-upstream。</translation>
    </message>
    <message>
        <source>--%1 needs --tls.</source>
        <translation>--%1 需要 --tls。</translation>
    </message>
    <message>
        <source>--%1 applies to a TLS server, not a client.</source>
        <translation>--%1 适用于 TLS 服务器，不适用于客户端。</translation>
    </message>
    <message>
        <source>--%1 applies to a TLS client, not a server.</source>
        <translation>--%1 适用于 TLS 客户端，不适用于服务器。</translation>
    </message>
    <message>
        <source>--%1 is for the relay&apos;s side towards clients: it needs --tls-listen.</source>
        <translation>--%1 用于中继面向客户端的一侧：需要 --tls-listen。</translation>
    </message>
    <message>
        <source>--%1 is for the relay&apos;s side towards the server: it needs --tls-upstream.</source>
        <translation>--%1 用于中继面向服务器的一侧：需要 --tls-upstream。</translation>
    </message>
    <message>
        <source>--gen-cert makes its own certificate: leave out --%1.</source>
        <translation>--gen-cert 会自行生成证书：请去掉 --%1。</translation>
    </message>
    <message>
        <source>--%1 needs --%2 too.</source>
        <translation>--%1 还需要 --%2。</translation>
    </message>
    <message>
        <source>A TLS server needs --cert FILE --key FILE, or --gen-cert for a throwaway certificate.</source>
        <translation>TLS 服务器需要 --cert 文件 --key 文件，或用 --gen-cert 生成一次性证书。</translation>
    </message>
    <message>
        <source>--sni needs a server name.</source>
        <translation>--sni 需要一个服务器名称。</translation>
    </message>
    <message>
        <source>Give the client certificate once: --cert/--key or --client-cert/--client-key.</source>
        <translation>客户端证书只需给一次：--cert/--key 或 --client-cert/--client-key。</translation>
    </message>
    <message>
        <source>UDP: DTLS (a server with --cert/--key or --gen-cert, else a client of --remote; the same options as --tls).</source>
        <translation>UDP：DTLS（带 --cert/--key 或 --gen-cert 时为服务器，否则为 --remote 的客户端；选项与 --tls 相同）。</translation>
    </message>
    <message>
        <source>--tls does not apply to udp: use --dtls.</source>
        <translation>--tls 不适用于 udp：请使用 --dtls。</translation>
    </message>
    <message>
        <source>--%1 needs --dtls.</source>
        <translation>--%1 需要 --dtls。</translation>
    </message>
    <message>
        <source>--dtls applies only to --mode udp (a relay does not speak DTLS).</source>
        <translation>--dtls 仅适用于 --mode udp（中继不支持 DTLS）。</translation>
    </message>
    <message>
        <source>--dtls applies only to --mode udp: use --tls for TCP.</source>
        <translation>--dtls 仅适用于 --mode udp：TCP 请使用 --tls。</translation>
    </message>
    <message>
        <source>--alpn does not apply to --dtls: Qt&apos;s DTLS does not negotiate application protocols.</source>
        <translation>--alpn 不适用于 --dtls：Qt 的 DTLS 不协商应用层协议。</translation>
    </message>
    <message>
        <source>--%1 does not apply to --dtls (one DTLS session per peer).</source>
        <translation>--%1 不适用于 --dtls（每个对端一个 DTLS 会话）。</translation>
    </message>
    <message>
        <source>--%1 applies to a DTLS client, not a server (--%2 makes this a DTLS server).</source>
        <translation>--%1 适用于 DTLS 客户端，不适用于服务器（--%2 使其成为 DTLS 服务器）。</translation>
    </message>
    <message>
        <source>A DTLS client needs --remote HOST:PORT (the server); a DTLS server needs --cert FILE --key FILE, or --gen-cert.</source>
        <translation>DTLS 客户端需要 --remote 主机:端口（服务器）；DTLS 服务器需要 --cert 文件 --key 文件，或 --gen-cert。</translation>
    </message>
</context>
<context>
    <name>sockscope::LinkSession</name>
    <message>
        <source>Refused %1: too many open files. New clients are accepted again once others disconnect.</source>
        <translation>已拒绝 %1：打开的文件过多。其他客户端断开后将重新接受新连接。</translation>
    </message>
    <message>
        <source>Could not accept a connection: %1</source>
        <translation>无法接受连接：%1</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message numerus="yes">
        <source>Refused %1: the limit of %n client(s) is reached.</source>
        <translation>
            <numerusform>已拒绝 %1：已达到 %n 个客户端的上限。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped listening.</source>
        <translation>已停止监听。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>TLS handshake with %1…</source>
        <translation>正在与 %1 进行 TLS 握手…</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>与 %1 的 TLS 握手失败：%2</translation>
    </message>
    <message>
        <source>TLS handshake finished: %1, %2</source>
        <translation>TLS 握手完成：%1，%2</translation>
    </message>
    <message>
        <source>, ALPN &quot;%1&quot;</source>
        <translation>，ALPN“%1”</translation>
    </message>
    <message>
        <source>; peer certificate %1 (SHA-256 %2)</source>
        <translation>；对方证书 %1（SHA-256 %2）</translation>
    </message>
    <message>
        <source>Accepted despite a failed verification (insecure): %1</source>
        <translation>验证失败但已接受（不安全模式）：%1</translation>
    </message>
    <message>
        <source>TLS cannot start: %1</source>
        <translation>TLS 无法启动：%1</translation>
    </message>
    <message>
        <source>TLS certificate generated for this run: %1, SHA-256 %2</source>
        <translation>已为本次运行生成 TLS 证书：%1，SHA-256 %2</translation>
    </message>
    <message>
        <source>TLS certificate: %1, SHA-256 %2</source>
        <translation>TLS 证书：%1，SHA-256 %2</translation>
    </message>
    <message>
        <source>The peer speaks TLS: its first bytes are a TLS ClientHello. Turn TLS on here to read what it says.</source>
        <translation>对方在使用 TLS：它最先发来的字节是 TLS ClientHello。请在此启用 TLS 以读取其内容。</translation>
    </message>
</context>
<context>
    <name>sockscope::LogExport</name>
    <message>
        <source>Cannot record to %1: %2</source>
        <translation>无法记录到 %1：%2</translation>
    </message>
    <message>
        <source>Recording to %1 stopped: %2</source>
        <translation>记录到 %1 已停止：%2</translation>
    </message>
    <message>
        <source>Cannot record to %1: it is not a regular file.</source>
        <translation>无法记录到 %1：不是普通文件。</translation>
    </message>
</context>
<context>
    <name>sockscope::LogFileActions</name>
    <message>
        <source>Text as shown (*.txt)</source>
        <translation>显示的文本 (*.txt)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Received bytes, raw (*.bin)</source>
        <translation>接收的原始字节 (*.bin)</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Record to file</source>
        <translation>记录到文件</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <source>Append the new messages to its end, or replace what it holds now? Replacing deletes its contents.</source>
        <translation>将新消息追加到文件末尾，还是替换其现有内容？替换会删除原有内容。</translation>
    </message>
    <message>
        <source>Append</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Could not replace %1: %2</source>
        <translation>无法替换 %1：%2</translation>
    </message>
    <message>
        <source>Saving the log to %1…</source>
        <translation>正在把日志保存到 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1 to %2 (%3 held while paused included).</source>
        <translation>已将 %1 保存到 %2（含暂停时保留的 %3）。</translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation>已将 %1 保存到 %2。</translation>
    </message>
    <message>
        <source>Only the rows of %1, as the log is filtered.</source>
        <translation>只保存了 %1 的行，因为日志已被过滤。</translation>
    </message>
    <message>
        <source>Save cancelled: %1 was not written.</source>
        <translation>已取消保存：未写入 %1。</translation>
    </message>
</context>
<context>
    <name>sockscope::LogModel</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message numerus="yes">
        <source>… (%n bytes)</source>
        <translation>
            <numerusform>…（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>RX</source>
        <translation>收</translation>
    </message>
    <message>
        <source>TX</source>
        <translation>发</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>checksum bad</source>
        <translation>校验错误</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>格式错误</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>截断</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Sent by auto-reply</source>
        <translation>由自动回复发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>The session itself</source>
        <translation>会话本身</translation>
    </message>
    <message>
        <source>Peer #%1</source>
        <translation>对端 #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Checksum verified.</source>
        <translation>校验和正确。</translation>
    </message>
    <message>
        <source>Checksum mismatch.</source>
        <translation>校验和不匹配。</translation>
    </message>
    <message>
        <source>The length header declared an impossible length.</source>
        <translation>长度头声明了一个不可能的长度。</translation>
    </message>
    <message>
        <source>The frame exceeded the maximum size and was cut into pieces.</source>
        <translation>帧超过最大长度，已被切分成多段。</translation>
    </message>
    <message>
        <source>A later piece of an oversized frame.</source>
        <translation>超长帧的后续片段。</translation>
    </message>
    <message>
        <source>The stream ended in the middle of this frame.</source>
        <translation>数据流在此帧中途结束。</translation>
    </message>
    <message>
        <source>The table shows the first %1 bytes; the byte view shows all of them.</source>
        <translation>表格只显示前 %1 个字节；字节视图显示全部字节。</translation>
    </message>
    <message>
        <source>…continues</source>
        <translation>…待续</translation>
    </message>
    <message>
        <source>echo</source>
        <translation>回显</translation>
    </message>
    <message>
        <source>auto-reply</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <source>auto-reply: %1</source>
        <translation>自动回复：%1</translation>
    </message>
    <message>
        <source>Sent back by echo</source>
        <translation>由回显发回</translation>
    </message>
    <message>
        <source>Sent by auto-reply rule “%1”</source>
        <translation>由自动回复规则“%1”发送</translation>
    </message>
    <message>
        <source>The start of a character: it shows whole in the next message of this peer and direction.</source>
        <translation>一个字符的开头：它会在该对端同一方向的下一条消息中完整显示。</translation>
    </message>
    <message>
        <source>C→S (injected)</source>
        <translation>C→S（注入）</translation>
    </message>
    <message>
        <source>S→C (injected)</source>
        <translation>S→C（注入）</translation>
    </message>
    <message>
        <source>C→S</source>
        <translation>C→S</translation>
    </message>
    <message>
        <source>S→C</source>
        <translation>S→C</translation>
    </message>
    <message>
        <source>Injected: sent by you to the server, not forwarded from the client</source>
        <translation>注入：由你发给服务器，不是从客户端转发的</translation>
    </message>
    <message>
        <source>Injected: sent by you to the client, not forwarded from the server</source>
        <translation>注入：由你发给客户端，不是从服务器转发的</translation>
    </message>
    <message>
        <source>Client to server: forwarded from the client</source>
        <translation>客户端到服务器：从客户端转发</translation>
    </message>
    <message>
        <source>Server to client: forwarded from the server</source>
        <translation>服务器到客户端：从服务器转发</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Client %1 (no server connection yet)</source>
        <translation>客户端 %1（尚未连接服务器）</translation>
    </message>
    <message>
        <source>Client %1 ↔ server %2</source>
        <translation>客户端 %1 ↔ 服务器 %2</translation>
    </message>
    <message>
        <source>C→S (replacement)</source>
        <translation>C→S（替换后）</translation>
    </message>
    <message>
        <source>S→C (replacement)</source>
        <translation>S→C（替换后）</translation>
    </message>
    <message>
        <source>C→S (rewritten)</source>
        <translation>C→S（已改写）</translation>
    </message>
    <message>
        <source>S→C (rewritten)</source>
        <translation>S→C（已改写）</translation>
    </message>
    <message>
        <source>C→S (dropped)</source>
        <translation>C→S（已丢弃）</translation>
    </message>
    <message>
        <source>S→C (dropped)</source>
        <translation>S→C（已丢弃）</translation>
    </message>
    <message>
        <source>C→S (delayed)</source>
        <translation>C→S（已延迟）</translation>
    </message>
    <message>
        <source>S→C (delayed)</source>
        <translation>S→C（已延迟）</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Replacement by rule “%1”: passed on to the server instead of the frame the client sent (the C→S row before)</source>
        <translation>规则“%1”的替换内容：代替客户端发来的帧（上一行 C→S）转发给服务器</translation>
    </message>
    <message>
        <source>Replacement by rule “%1”: passed on to the client instead of the frame the server sent (the S→C row before)</source>
        <translation>规则“%1”的替换内容：代替服务器发来的帧（上一行 S→C）转发给客户端</translation>
    </message>
    <message>
        <source>Changed by rule “%1”: the next C→S row is what was passed on instead</source>
        <translation>被规则“%1”改写：下一行 C→S 是实际转发的内容</translation>
    </message>
    <message>
        <source>Changed by rule “%1”: the next S→C row is what was passed on instead</source>
        <translation>被规则“%1”改写：下一行 S→C 是实际转发的内容</translation>
    </message>
    <message>
        <source>Dropped by rule “%1”: not passed on to the server</source>
        <translation>被规则“%1”丢弃：未转发给服务器</translation>
    </message>
    <message>
        <source>Dropped by rule “%1”: not passed on to the client</source>
        <translation>被规则“%1”丢弃：未转发给客户端</translation>
    </message>
    <message>
        <source>Delayed by rule “%1”: passed on to the server later</source>
        <translation>被规则“%1”延迟：稍后转发给服务器</translation>
    </message>
    <message>
        <source>Delayed by rule “%1”: passed on to the client later</source>
        <translation>被规则“%1”延迟：稍后转发给客户端</translation>
    </message>
</context>
<context>
    <name>sockscope::LogPane</name>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>How received and sent bytes are shown. Switching re-renders the stored bytes; nothing is lost or changed.</source>
        <translation>收发字节的显示方式。切换时会重新渲染已保存的字节，不会丢失或更改任何内容。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Show the time column (microseconds).</source>
        <translation>显示时间列（精确到微秒）。</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>显示发送</translation>
    </message>
    <message>
        <source>Show the messages you sent (TX rows).</source>
        <translation>显示你发送的消息（“发”方向的行）。</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>自动换行</translation>
    </message>
    <message>
        <source>Wrap long data over several lines.</source>
        <translation>长数据折行显示。</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <source>Keep the newest message in view. Scrolling up pauses this; scrolling to the bottom resumes it.</source>
        <translation>始终显示最新消息。向上滚动时暂停，滚动到底部时恢复。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze the display (Ctrl+P). Counters and recording go on; held messages appear when you resume.</source>
        <translation>冻结显示 (Ctrl+P)。计数和记录照常进行；恢复后显示暂停期间的消息。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the log (Ctrl+L).</source>
        <translation>清空日志 (Ctrl+L)。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the log, or record every message to a file.</source>
        <translation>保存日志，或将每条消息记录到文件。</translation>
    </message>
    <message>
        <source>Save log as text, CSV or raw bytes…</source>
        <translation>将日志保存为文本、CSV 或原始字节…</translation>
    </message>
    <message>
        <source>Record every message to a file…</source>
        <translation>将每条消息记录到文件…</translation>
    </message>
    <message>
        <source>Search for bytes given in hex instead of text.</source>
        <translation>按十六进制字节而不是文本搜索。</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配 (F3)</translation>
    </message>
    <message>
        <source>Select a message to see its bytes.</source>
        <translation>选择一条消息以查看其字节。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message numerus="yes">
        <source>… %n more byte(s) in the hex dump</source>
        <translation>
            <numerusform>… 十六进制转储中还有 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Found in a hidden row</source>
        <translation>在隐藏的行中找到</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find text, or bytes with Hex checked (Ctrl+F; F3 next, Shift+F3 previous).</source>
        <translation>查找文本；勾选“十六进制”时查找字节（Ctrl+F；F3 下一个，Shift+F3 上一个）。</translation>
    </message>
    <message>
        <source>…continues in the next message</source>
        <translation>…在下一条消息中继续</translation>
    </message>
    <message>
        <source>Injected</source>
        <translation>注入</translation>
    </message>
    <message>
        <source>Show the messages you injected (rows marked injected).</source>
        <translation>显示你注入的消息（标记为注入的行）。</translation>
    </message>
</context>
<context>
    <name>sockscope::MainWindow</name>
    <message>
        <source>SockScope</source>
        <translation>SockScope</translation>
    </message>
    <message>
        <source>Open another session</source>
        <translation>打开新会话</translation>
    </message>
    <message>
        <source>How late the window&apos;s event loop runs (99th percentile and worst over the last few seconds): the window&apos;s responsiveness.</source>
        <translation>窗口事件循环的延迟（最近几秒内的 99 分位值和最大值），反映窗口的响应速度。</translation>
    </message>
    <message>
        <source>lag p99 %1 ms, max %2 ms</source>
        <translation>延迟 p99 %1 ms，最大 %2 ms</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <source>TCP &amp;Server</source>
        <translation>TCP 服务端(&amp;S)</translation>
    </message>
    <message>
        <source>TCP &amp;Client</source>
        <translation>TCP 客户端(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;UDP</source>
        <translation>&amp;UDP</translation>
    </message>
    <message>
        <source>&amp;Save log…</source>
        <translation>保存日志(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation>关闭会话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reset counters</source>
        <translation>重置计数(&amp;R)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Log limits…</source>
        <translation>日志上限(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SockScope</source>
        <translation>关于 SockScope(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message numerus="yes">
        <source>RX %1 in %Ln msg(s), %2/s</source>
        <translation>
            <numerusform>接收 %1（%Ln 条），%2/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>TX %1 in %Ln msg(s), %2/s</source>
        <translation>
            <numerusform>发送 %1（%Ln 条），%2/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n 个对端</numerusform>
        </translation>
    </message>
    <message>
        <source>Log limits</source>
        <translation>日志上限</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Rows kept per session</source>
        <translation>每个会话保留的行数</translation>
    </message>
    <message>
        <source>Memory per session</source>
        <translation>每个会话的内存</translation>
    </message>
    <message>
        <source>The oldest messages are dropped from the view beyond these limits. Counters and recording to file are not affected.</source>
        <translation>超出这些上限时，最旧的消息会从视图中移除。计数和记录到文件不受影响。</translation>
    </message>
    <message>
        <source>About SockScope</source>
        <translation>关于 SockScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SockScope %1&lt;/h3&gt;&lt;p&gt;A network debugging assistant: TCP server, TCP client and UDP peer with exact bytes, framing for sticky packets and a log that survives floods.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;&lt;p&gt;License: MIT.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SockScope %1&lt;/h3&gt;&lt;p&gt;网络调试助手：TCP 服务端、TCP 客户端和 UDP，收发字节精确呈现，支持分帧处理粘包，日志在大流量冲击下依然流畅。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建（运行于 Qt %3）。&lt;/p&gt;&lt;p&gt;许可证：MIT。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies when SockScope restarts.</source>
        <translation>重启 SockScope 后新语言生效。</translation>
    </message>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止记录</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>正在记录到 %1</translation>
    </message>
    <message>
        <source>Every message of this session is appended to %1.</source>
        <translation>本会话的每条消息都会追加到 %1。</translation>
    </message>
    <message>
        <source>Stop recording to %1.</source>
        <translation>停止记录到 %1。</translation>
    </message>
    <message>
        <source>Quit SockScope</source>
        <translation>退出 SockScope</translation>
    </message>
    <message numerus="yes">
        <source>Quit while %n session(s) are running?</source>
        <translation>
            <numerusform>有 %n 个会话正在运行，仍要退出吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Quitting stops every session and closes %n connection(s).</source>
        <translation>
            <numerusform>退出会停止所有会话并关闭 %n 个连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Relay</source>
        <translation>中继(&amp;R)</translation>
    </message>
</context>
<context>
    <name>sockscope::Message</name>
    <message>
        <source>character &apos;%1&apos; (U+%2) cannot be encoded in %3</source>
        <translation>字符 &apos;%1&apos; (U+%2) 无法用 %3 编码</translation>
    </message>
    <message>
        <source>invalid hex: %1</source>
        <translation>无效的十六进制：%1</translation>
    </message>
    <message>
        <source>the length would be negative (%1)</source>
        <translation>长度将为负数（%1）</translation>
    </message>
    <message>
        <source>the length %1 does not fit in %2 byte(s)</source>
        <translation>长度 %1 超出了 %2 字节的表示范围</translation>
    </message>
    <message>
        <source>the lengths do not settle on a consistent value</source>
        <translation>各长度字段无法收敛到一致的值</translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation>消息为空</translation>
    </message>
    <message>
        <source>The bytes include control characters or bytes that are not valid %1 text. They can only be kept exactly as escape sequences such as \r or \xFF: turn on escapes to edit them as text.</source>
        <translation>这些字节包含控制字符或不是有效 %1 文本的字节，只能用 \r 或 \xFF 这样的转义序列原样保留：请开启转义后再以文本方式编辑。</translation>
    </message>
</context>
<context>
    <name>sockscope::MessageListModel</name>
    <message>
        <source>HEX %1</source>
        <translation>HEX %1</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>escapes</source>
        <translation>转义</translation>
    </message>
    <message>
        <source>+ \n</source>
        <translation>+ \n</translation>
    </message>
    <message>
        <source>+ \r\n</source>
        <translation>+ \r\n</translation>
    </message>
    <message>
        <source>+ \r</source>
        <translation>+ \r</translation>
    </message>
    <message>
        <source>+ %1 (%2)</source>
        <translation>+ %1 (%2)</translation>
    </message>
    <message>
        <source>LE</source>
        <translation>小端</translation>
    </message>
    <message>
        <source>BE</source>
        <translation>大端</translation>
    </message>
    <message>
        <source>dynamic fields</source>
        <translation>动态字段</translation>
    </message>
</context>
<context>
    <name>sockscope::PeerListModel</name>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>%1 — closed: %2</source>
        <translation>%1 — 已关闭：%2</translation>
    </message>
    <message>
        <source>%1 — connected since %2</source>
        <translation>%1 — 连接于 %2</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Bytes received from this peer</source>
        <translation>从该对端接收的字节数</translation>
    </message>
    <message>
        <source>Bytes sent to this peer</source>
        <translation>发送到该对端的字节数</translation>
    </message>
    <message>
        <source>Messages received from this peer</source>
        <translation>从该对端接收的消息数</translation>
    </message>
    <message>
        <source>RX</source>
        <translation>收</translation>
    </message>
    <message>
        <source>TX</source>
        <translation>发</translation>
    </message>
    <message>
        <source>Msgs</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>half-closed</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1, holding what it sends</source>
        <translation>%1，暂扣其发送的数据</translation>
    </message>
    <message>
        <source>Client %1: %2</source>
        <translation>客户端 %1：%2</translation>
    </message>
    <message>
        <source>Server %1: %2</source>
        <translation>服务器 %1：%2</translation>
    </message>
    <message>
        <source>Client → server: %1 bytes; server → client: %2 bytes</source>
        <translation>客户端 → 服务器：%1 字节；服务器 → 客户端：%2 字节</translation>
    </message>
    <message>
        <source>Held, not passed on yet: %1 bytes</source>
        <translation>已暂扣、尚未转发：%1 字节</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <source>The client&apos;s side ↔ the server&apos;s side: connecting, open, half-closed (finished sending), closed</source>
        <translation>客户端一侧 ↔ 服务器一侧：连接中、已打开、半关闭（已结束发送）、已关闭</translation>
    </message>
    <message>
        <source>Bytes the client sent to the server (C&gt;S)</source>
        <translation>客户端发往服务器的字节数（C&gt;S）</translation>
    </message>
    <message>
        <source>Bytes the server sent to the client (S&gt;C)</source>
        <translation>服务器发往客户端的字节数（S&gt;C）</translation>
    </message>
    <message>
        <source>Bytes held, not passed on yet</source>
        <translation>已暂扣、尚未转发的字节数</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>C&gt;S</source>
        <translation>C&gt;S</translation>
    </message>
    <message>
        <source>S&gt;C</source>
        <translation>S&gt;C</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>暂扣</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>明文</translation>
    </message>
    <message>
        <source>plain (no TLS)</source>
        <translation>明文（无 TLS）</translation>
    </message>
    <message>
        <source>%1, cipher %2</source>
        <translation>%1，加密套件 %2</translation>
    </message>
    <message>
        <source>ALPN: %1</source>
        <translation>ALPN：%1</translation>
    </message>
    <message>
        <source>none agreed</source>
        <translation>未协商</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>证书：%1</translation>
    </message>
    <message>
        <source>Accepted despite: %1</source>
        <translation>尽管有以下问题仍已接受：%1</translation>
    </message>
    <message>
        <source>Client side:</source>
        <translation>客户端侧：</translation>
    </message>
    <message>
        <source>Server side:</source>
        <translation>服务器侧：</translation>
    </message>
    <message>
        <source>%1
TLS: %2</source>
        <translation>%1
TLS：%2</translation>
    </message>
    <message>
        <source>The TLS version agreed; the cell&apos;s tooltip has the cipher and ALPN</source>
        <translation>协商的 TLS 版本；单元格提示中有加密套件和 ALPN</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>TLS towards the client ↔ towards the server; the cell&apos;s tooltip has the cipher and ALPN</source>
        <translation>面向客户端的 TLS ↔ 面向服务器的 TLS；单元格提示中有加密套件和 ALPN</translation>
    </message>
</context>
<context>
    <name>sockscope::PeerPanel</name>
    <message>
        <source>Select peers to send only to them and to show only their messages. With nothing selected, sends go to all peers.</source>
        <translation>选中对端后，只向它们发送并只显示它们的消息。未选中任何对端时，发送给所有对端。</translation>
    </message>
    <message>
        <source>All peers</source>
        <translation>全部对端</translation>
    </message>
    <message>
        <source>Clear the selection: send to every peer and show every message.</source>
        <translation>清除选择：发送给所有对端并显示所有消息。</translation>
    </message>
    <message>
        <source>Clear closed</source>
        <translation>清除已断开</translation>
    </message>
    <message>
        <source>Remove peers that have left from the list.</source>
        <translation>从列表中移除已离开的对端。</translation>
    </message>
    <message>
        <source>Hold C→S</source>
        <translation>暂扣 C→S</translation>
    </message>
    <message>
        <source>Hold S→C</source>
        <translation>暂扣 S→C</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>丢弃</translation>
    </message>
    <message numerus="yes">
        <source>%n selected pair(s)</source>
        <translation>
            <numerusform>%n 个选中的连接对</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n pair(s)</source>
        <translation>
            <numerusform>全部 %n 个连接对</numerusform>
        </translation>
    </message>
    <message>
        <source>Held on %1: C→S %2, S→C %3</source>
        <translation>%1 上暂扣：C→S %2，S→C %3</translation>
    </message>
    <message>
        <source>Acts on the selected pairs.</source>
        <translation>作用于选中的连接对。</translation>
    </message>
    <message>
        <source>Acts on every pair (none is selected).</source>
        <translation>作用于所有连接对（未选中任何一个）。</translation>
    </message>
    <message>
        <source>Hold what the clients send to the server; it waits here until you release or drop it.</source>
        <translation>暂扣客户端发往服务器的数据；在你放行或丢弃之前留在这里。</translation>
    </message>
    <message>
        <source>Hold what the server sends to the clients; it waits here until you release or drop it.</source>
        <translation>暂扣服务器发往客户端的数据；在你放行或丢弃之前留在这里。</translation>
    </message>
    <message>
        <source>Pass on what is held, in order, in both directions. A hold stays on until you uncheck it.</source>
        <translation>按顺序转发两个方向上暂扣的数据。暂扣在你取消勾选之前一直有效。</translation>
    </message>
    <message>
        <source>Discard what is held in both directions; it is never passed on.</source>
        <translation>丢弃两个方向上暂扣的数据；它们永远不会被转发。</translation>
    </message>
    <message>
        <source>Drop held data</source>
        <translation>丢弃暂扣数据</translation>
    </message>
    <message>
        <source>Discard %1 held? It will never reach the other side.</source>
        <translation>丢弃暂扣的 %1？它将永远不会到达另一端。</translation>
    </message>
    <message>
        <source>Disconnect the client side</source>
        <translation>断开客户端一侧</translation>
    </message>
    <message>
        <source>Close the connection to the client first, as if the device left; the connection to the server follows.</source>
        <translation>先关闭与客户端的连接，如同设备离开；随后关闭与服务器的连接。</translation>
    </message>
    <message>
        <source>Disconnect the server side</source>
        <translation>断开服务器一侧</translation>
    </message>
    <message>
        <source>Close the connection to the server first, as if the server went away; the connection to the client follows.</source>
        <translation>先关闭与服务器的连接，如同服务器消失；随后关闭与客户端的连接。</translation>
    </message>
</context>
<context>
    <name>sockscope::PeriodicSender</name>
    <message>
        <source>Already running.</source>
        <translation>已在运行。</translation>
    </message>
    <message>
        <source>The interval must be at least 1 ms.</source>
        <translation>间隔至少为 1 ms。</translation>
    </message>
    <message numerus="yes">
        <source>Count reached: sent %n message(s).</source>
        <translation>
            <numerusform>已达到发送次数：共发送 %n 条消息。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::PortOwnerLookup</name>
    <message>
        <source>Port %1 is already in use by %2 (pid %3).</source>
        <translation>端口 %1 已被 %2 占用（pid %3）。</translation>
    </message>
    <message>
        <source>Port %1 is already in use by process %2.</source>
        <translation>端口 %1 已被进程 %2 占用。</translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program (its owner could not be determined; it may belong to another user).</source>
        <translation>端口 %1 已被其他程序占用（无法确定占用者，它可能属于其他用户）。</translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program (its owner could not be determined).</source>
        <translation>端口 %1 已被其他程序占用（无法确定占用者）。</translation>
    </message>
</context>
<context>
    <name>sockscope::ReceiveOptions</name>
    <message>
        <source>UDP keeps message boundaries: one datagram, one row.</source>
        <translation>UDP 保留消息边界：一个数据报对应一行。</translation>
    </message>
    <message>
        <source>No check</source>
        <translation>不校验</translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation>校验 %1</translation>
    </message>
    <message>
        <source>Treat the last bytes of each received message as this checksum and mark messages where it does not match.</source>
        <translation>将每条接收消息的末尾字节视为此校验和，并标记校验不符的消息。</translation>
    </message>
    <message>
        <source>Echo</source>
        <translation>回显</translation>
    </message>
    <message>
        <source>Send every received message straight back.</source>
        <translation>将收到的每条消息原样发回。</translation>
    </message>
    <message>
        <source>Auto-reply…</source>
        <translation>自动回复…</translation>
    </message>
    <message>
        <source>Rules that answer matching messages automatically (device simulation).</source>
        <translation>自动应答匹配消息的规则（用于模拟设备）。</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) active</source>
        <translation>
            <numerusform>%n 条规则生效</numerusform>
        </translation>
    </message>
    <message>
        <source>C→S &amp;framing</source>
        <translation>C→S 分帧(&amp;F)</translation>
    </message>
    <message>
        <source>How what the client sends (client→server) is cut into messages.</source>
        <translation>客户端发送的数据（客户端→服务器）如何切分为消息。</translation>
    </message>
    <message>
        <source>S→C fra&amp;ming</source>
        <translation>S→C 分帧(&amp;M)</translation>
    </message>
    <message>
        <source>How what the server sends (server→client) is cut into messages; a device protocol is often framed differently each way.</source>
        <translation>服务器发送的数据（服务器→客户端）如何切分为消息；设备协议两个方向的分帧方式常常不同。</translation>
    </message>
    <message>
        <source>Same as C→S</source>
        <translation>与 C→S 相同</translation>
    </message>
    <message>
        <source>Shaping…</source>
        <translation>网络整形…</translation>
    </message>
    <message>
        <source>Shaping: %1</source>
        <translation>网络整形：%1</translation>
    </message>
    <message>
        <source>Make this relay a slow network: pass each direction&apos;s bytes on later (latency) and no faster than a rate.</source>
        <translation>让中继模拟慢速网络：每个方向的数据延迟转发（时延），且不超过限定速率。</translation>
    </message>
    <message>
        <source>What the relay passes on is slowed: %1. Click to change it.</source>
        <translation>中继转发的数据已减速：%1。点击修改。</translation>
    </message>
</context>
<context>
    <name>sockscope::RelayPacer</name>
    <message>
        <source>Server→client</source>
        <translation>服务器→客户端</translation>
    </message>
    <message>
        <source>Client→server</source>
        <translation>客户端→服务器</translation>
    </message>
    <message>
        <source>%1: passed on as it comes.</source>
        <translation>%1：收到即转发。</translation>
    </message>
    <message>
        <source>%1: passed on %2 ms late.</source>
        <translation>%1：延迟 %2 毫秒转发。</translation>
    </message>
    <message>
        <source>%1: passed on %2 ms late, at most %3 bytes/s.</source>
        <translation>%1：延迟 %2 毫秒转发，最多 %3 字节/秒。</translation>
    </message>
</context>
<context>
    <name>sockscope::RewriteButton</name>
    <message>
        <source>Rewrite rules (%1)…</source>
        <translation>改写规则（%1）…</translation>
    </message>
    <message>
        <source>Rewrite rules…</source>
        <translation>改写规则…</translation>
    </message>
    <message>
        <source>Rules that replace, drop or delay the frames the relay passes on, in one direction or both.</source>
        <translation>对中继转发的帧进行替换、丢弃或延迟的规则，可作用于一个方向或两个方向。</translation>
    </message>
    <message>
        <source>These rewrite rules were refused; nothing is rewritten: %1</source>
        <translation>这些改写规则被拒绝，不会改写任何内容：%1</translation>
    </message>
</context>
<context>
    <name>sockscope::RewriteDialog</name>
    <message>
        <source>Rewrite Rules</source>
        <translation>改写规则</translation>
    </message>
    <message>
        <source>Use these rules</source>
        <translation>使用这些规则</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>The first enabled rule of a frame&apos;s direction that matches it applies. Double-click a cell to edit it; invalid cells are red.</source>
        <translation>对帧所在方向第一条匹配的已启用规则生效。双击单元格进行编辑；无效的单元格显示为红色。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a new rule below the current one</source>
        <translation>在当前规则下方添加一条新规则</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the current rule</source>
        <translation>删除当前规则</translation>
    </message>
    <message>
        <source>Move U&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <source>Move the current rule up: it is tried earlier</source>
        <translation>上移当前规则：更早参与匹配</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Move the current rule down: it is tried later</source>
        <translation>下移当前规则：更晚参与匹配</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>导入 JSON(&amp;I)…</translation>
    </message>
    <message>
        <source>Replace the rules with those of a JSON file (docs/rewrite-rules.md)</source>
        <translation>用 JSON 文件中的规则替换当前规则（见 docs/rewrite-rules.md）</translation>
    </message>
    <message>
        <source>E&amp;xport JSON…</source>
        <translation>导出 JSON(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the rules to a JSON file</source>
        <translation>将规则保存为 JSON 文件</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>Decodes frames for text and regex rules, and encodes text patterns and replacements</source>
        <translation>用于为文本和正则规则解码帧，并编码文本模式和替换内容</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Try the rules as they are now on a sample frame</source>
        <translation>用当前规则对示例帧进行试匹配</translation>
    </message>
    <message>
        <source>From the client (C→S)</source>
        <translation>来自客户端（C→S）</translation>
    </message>
    <message>
        <source>From the server (S→C)</source>
        <translation>来自服务器（S→C）</translation>
    </message>
    <message>
        <source>Sample frame, e.g. temp=21</source>
        <translation>示例帧，例如 temp=21</translation>
    </message>
    <message>
        <source>A frame to try, without its delimiter: text with escapes (\r \n \xNN \uXXXX) or hex bytes</source>
        <translation>要试验的帧（不含分隔符）：带转义的文本（\r \n \xNN \uXXXX）或十六进制字节</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>A rule sees one frame at a time, as the relay&apos;s framing cuts it (without its delimiter): for text lines, choose Line framing.</source>
        <translation>规则每次只看到一帧，即中继分帧切出的内容（不含分隔符）：文本行请选择“按行”分帧。</translation>
    </message>
    <message>
        <source>Fix the invalid rule first. %1</source>
        <translation>请先修正无效的规则。%1</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation>文件大于 %1 MiB。</translation>
    </message>
    <message>
        <source>Import Rewrite Rules</source>
        <translation>导入改写规则</translation>
    </message>
    <message>
        <source>Rewrite rules (*.json);;All files (*)</source>
        <translation>改写规则 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>The rules in %1 were not imported; the current rules are unchanged.

%2</source>
        <translation>未导入 %1 中的规则；当前规则保持不变。

%2</translation>
    </message>
    <message>
        <source>Imported with Warnings</source>
        <translation>导入时有警告</translation>
    </message>
    <message>
        <source>The rules were imported; these parts of the file were ignored:

%1</source>
        <translation>规则已导入；文件中的以下部分被忽略：

%1</translation>
    </message>
    <message>
        <source>Export Rewrite Rules</source>
        <translation>导出改写规则</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not save %1:

%2</source>
        <translation>无法保存 %1：

%2</translation>
    </message>
    <message>
        <source>Type a frame above to see what the relay passes on instead.</source>
        <translation>在上方输入一帧，查看中继实际会转发什么。</translation>
    </message>
    <message>
        <source>Fix the invalid rule first.
%1</source>
        <translation>请先修正无效的规则。
%1</translation>
    </message>
    <message>
        <source>Sample frame: %1</source>
        <translation>示例帧：%1</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>Rule %1 “%2”</source>
        <translation>规则 %1“%2”</translation>
    </message>
    <message>
        <source>No rule matches: the frame is passed on unchanged.</source>
        <translation>没有规则匹配：该帧原样转发。</translation>
    </message>
    <message numerus="yes">
        <source>%1 replaces it; after %2 ms, passed on instead, %n byte(s):</source>
        <translation>
            <numerusform>%1 替换了它；%2 毫秒后转发替换内容，%n 字节：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 replaces it; passed on instead, %n byte(s):</source>
        <translation>
            <numerusform>%1 替换了它；转发替换内容，%n 字节：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 drops it: nothing is passed on.</source>
        <translation>%1 丢弃了它：不转发任何内容。</translation>
    </message>
    <message>
        <source>%1 delays it: passed on unchanged after %2 ms.</source>
        <translation>%1 延迟了它：%2 毫秒后原样转发。</translation>
    </message>
    <message>
        <source>%1 matches, but its replacement could not be made: the frame is passed on unchanged.</source>
        <translation>%1 匹配，但无法生成替换内容：该帧原样转发。</translation>
    </message>
</context>
<context>
    <name>sockscope::RewriteModel</name>
    <message>
        <source>C→S</source>
        <translation>C→S</translation>
    </message>
    <message>
        <source>S→C</source>
        <translation>S→C</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Pass on the replacement instead of the frame (its delimiter kept), after the delay if one is set.</source>
        <translation>转发替换内容以代替该帧（保留其分隔符），如设置了延迟则在延迟后转发。</translation>
    </message>
    <message>
        <source>Do not pass the frame on.</source>
        <translation>不转发该帧。</translation>
    </message>
    <message>
        <source>Pass the frame on unchanged after the delay; what follows waits behind it.</source>
        <translation>延迟后原样转发该帧；其后的数据在它之后排队。</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>Enabled: this rule changes matching frames.</source>
        <translation>已启用：此规则会改变匹配的帧。</translation>
    </message>
    <message>
        <source>Disabled: this rule is skipped (but still checked).</source>
        <translation>已禁用：跳过此规则（但仍会检查其有效性）。</translation>
    </message>
    <message>
        <source>The log names the rule that changed a frame.</source>
        <translation>日志中会注明改变帧的规则名称。</translation>
    </message>
    <message>
        <source>Which frames the rule sees: from the client (C→S), from the server (S→C), or both.</source>
        <translation>规则作用于哪些帧：来自客户端（C→S）、来自服务器（S→C），或两者。</translation>
    </message>
    <message>
        <source>What a frame must match.</source>
        <translation>帧必须匹配的内容。</translation>
    </message>
    <message>
        <source>Whether the replacement is written as text (with escapes) or as hex bytes.</source>
        <translation>替换内容以文本（可含转义）还是十六进制字节书写。</translation>
    </message>
    <message>
        <source>Passed on instead of the frame.</source>
        <translation>代替该帧转发的内容。</translation>
    </message>
    <message>
        <source>${1} or ${name} inserts a captured group.</source>
        <translation>${1} 或 ${name} 插入捕获组。</translation>
    </message>
    <message>
        <source>Wait this long before passing the frame on (0 to %1 ms).</source>
        <translation>转发该帧前等待的时间（0 到 %1 毫秒）。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Match type</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Replace as</source>
        <translation>替换格式</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>替换内容</translation>
    </message>
    <message>
        <source>Delay ms</source>
        <translation>延时 ms</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
<context>
    <name>sockscope::RewriteRules</name>
    <message>
        <source>must be one of %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>each rule must be an object</source>
        <translation>每条规则都必须是对象</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>缺少必填字段</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>Rule %1: &quot;reply&quot; ignored (a rewrite rule has a &quot;replacement&quot;)</source>
        <translation>规则 %1：已忽略 &quot;reply&quot;（改写规则使用 &quot;replacement&quot;）</translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation>文件大于 %1 MiB</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>not a rewrite rule file (expected &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>不是改写规则文件（应为 &quot;format&quot;: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>version %1 is not supported (this build reads version %2)</source>
        <translation>不支持版本 %1（此版本程序读取版本 %2）</translation>
    </message>
    <message>
        <source>unknown encoding &quot;%1&quot; (use UTF-8, GBK or Latin-1)</source>
        <translation>未知编码 &quot;%1&quot;（请使用 UTF-8、GBK 或 Latin-1）</translation>
    </message>
    <message>
        <source>must be an array of rules</source>
        <translation>必须是规则数组</translation>
    </message>
    <message>
        <source>%1 rules: at most %2 are allowed</source>
        <translation>共 %1 条规则：最多允许 %2 条</translation>
    </message>
    <message>
        <source>a replace rule needs a replacement (to pass nothing on, use drop)</source>
        <translation>替换规则需要替换内容（若不转发任何内容，请使用丢弃）</translation>
    </message>
    <message>
        <source>a delay rule needs a delay above 0 ms</source>
        <translation>延迟规则需要大于 0 毫秒的延迟</translation>
    </message>
    <message>
        <source>No rewrite rules: everything is passed on as it comes.</source>
        <translation>没有改写规则：所有数据原样转发。</translation>
    </message>
    <message>
        <source>Rewrite rules: %1 for client→server, %2 for server→client.</source>
        <translation>改写规则：客户端→服务器 %1 条，服务器→客户端 %2 条。</translation>
    </message>
    <message>
        <source>Rule “%1”: the replacement could not be made (a capture does not fit the rules&apos; encoding, or it is too long); passed on unchanged.</source>
        <translation>规则“%1”：无法生成替换内容（捕获内容不符合规则的编码，或过长）；已原样转发。</translation>
    </message>
</context>
<context>
    <name>sockscope::ScheduledSender</name>
    <message>
        <source>The message is empty.</source>
        <translation>消息为空。</translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation>会话已关闭。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n message(s).</source>
        <translation>
            <numerusform>已发送 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <source>Already running.</source>
        <translation>已在运行。</translation>
    </message>
    <message>
        <source>There is no session to send through.</source>
        <translation>没有可用于发送的会话。</translation>
    </message>
    <message>
        <source>There is nothing to send: no message is set.</source>
        <translation>没有可发送的内容：未设置消息。</translation>
    </message>
    <message>
        <source>The number of repetitions cannot be negative.</source>
        <translation>重复次数不能为负数。</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <source>Step %1: the delay cannot be negative.</source>
        <translation>第 %1 步：延时不能为负数。</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n message(s).</source>
        <translation>
            <numerusform>已发送 %n 条消息后停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>None of the target peers exists any more.</source>
        <translation>所有目标对端都已不存在。</translation>
    </message>
    <message>
        <source>Disconnected: %1.</source>
        <translation>已断开：%1。</translation>
    </message>
    <message>
        <source>The UDP socket is closed.</source>
        <translation>UDP 套接字已关闭。</translation>
    </message>
    <message>
        <source>No client is connected.</source>
        <translation>没有已连接的客户端。</translation>
    </message>
    <message>
        <source>Disconnected from %1 (%2).</source>
        <translation>已与 %1 断开（%2）。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation>消息未发送。</translation>
    </message>
</context>
<context>
    <name>sockscope::SendPanel</name>
    <message>
        <source>Type a message, then press Ctrl+Return to send it</source>
        <translation>输入消息，然后按 Ctrl+Return 发送</translation>
    </message>
    <message>
        <source>No line ending</source>
        <translation>无换行</translation>
    </message>
    <message>
        <source>+ \n (LF)</source>
        <translation>+ \n (LF)</translation>
    </message>
    <message>
        <source>+ \r\n (CRLF)</source>
        <translation>+ \r\n (CRLF)</translation>
    </message>
    <message>
        <source>+ \r (CR)</source>
        <translation>+ \r (CR)</translation>
    </message>
    <message>
        <source>No checksum</source>
        <translation>无校验</translation>
    </message>
    <message>
        <source>+ %1</source>
        <translation>+ %1</translation>
    </message>
    <message>
        <source>BE</source>
        <translation>大端</translation>
    </message>
    <message>
        <source>Big-endian: high byte first</source>
        <translation>大端：高字节在前</translation>
    </message>
    <message>
        <source>LE</source>
        <translation>小端</translation>
    </message>
    <message>
        <source>Little-endian: low byte first (MODBUS RTU)</source>
        <translation>小端：低字节在前（MODBUS RTU）</translation>
    </message>
    <message>
        <source>Cannot switch to hex: %1</source>
        <translation>无法切换到十六进制：%1</translation>
    </message>
    <message>
        <source>Cannot switch to text: %1</source>
        <translation>无法切换到文本：%1</translation>
    </message>
    <message>
        <source>Escapes turned on: the bytes include control characters or bytes that are not valid %1 text, written as \r, \n or \xNN to keep them exact.</source>
        <translation>已开启转义：这些字节包含控制字符或不是有效 %1 文本的字节，已写成 \r、\n 或 \xNN 以原样保留。</translation>
    </message>
    <message>
        <source>Nothing to send: type a message (text or hex)</source>
        <translation>没有可发送的内容：请输入消息（文本或十六进制）</translation>
    </message>
    <message>
        <source>The preview of the exact bytes appears here as you type</source>
        <translation>输入时这里会预览将要发送的确切字节</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;… %n more byte(s)&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;… 还有 %n 字节&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source> (time fields vary)</source>
        <translation>（时间字段会变化）</translation>
    </message>
    <message>
        <source>The exact bytes that will be sent</source>
        <translation>将要发送的确切字节</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Nothing to send: the message is empty</source>
        <translation>没有可发送的内容：消息为空</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>无法发送：%1</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation>发送消息 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>St&amp;op (%1 / %2)</source>
        <translation>停止(&amp;O) (%1/%2)</translation>
    </message>
    <message>
        <source>St&amp;op (%1 sent)</source>
        <translation>停止(&amp;O) (已发 %1)</translation>
    </message>
    <message>
        <source>Stop sending periodically</source>
        <translation>停止定时发送</translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation>开始(&amp;R)</translation>
    </message>
    <message>
        <source>Start sending the message every interval, the given number of times</source>
        <translation>按设定的间隔和次数定时发送消息</translation>
    </message>
    <message>
        <source>A file transfer is in progress</source>
        <translation>正在传输文件</translation>
    </message>
    <message>
        <source>Send the contents of a file</source>
        <translation>发送文件内容</translation>
    </message>
    <message>
        <source>Send File</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 bytes sent</source>
        <translation>已发送 %1 / %2 字节</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>File sent</source>
        <translation>文件已发送</translation>
    </message>
    <message>
        <source>File transfer failed</source>
        <translation>文件传输失败</translation>
    </message>
    <message>
        <source>Type a message before saving it as a preset</source>
        <translation>请先输入消息，再保存为预设</translation>
    </message>
    <message>
        <source>Add Preset</source>
        <translation>添加预设</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>预设名称：</translation>
    </message>
    <message>
        <source>Save as Preset</source>
        <translation>存为预设</translation>
    </message>
    <message>
        <source>Delete Preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <source>Delete the preset &quot;%1&quot;?</source>
        <translation>要删除预设“%1”吗？</translation>
    </message>
    <message>
        <source>Load into Editor</source>
        <translation>载入编辑框</translation>
    </message>
    <message>
        <source>Load and Send</source>
        <translation>载入并发送</translation>
    </message>
    <message>
        <source>Save as Preset…</source>
        <translation>存为预设…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>清空历史</translation>
    </message>
    <message>
        <source>Add Current Message…</source>
        <translation>添加当前消息…</translation>
    </message>
    <message>
        <source>Still hex: the bytes include control characters or bytes that are not valid %1 text, which text can keep exact only as escapes (\r, \n, \xNN).</source>
        <translation>仍为十六进制：这些字节包含控制字符或不是有效 %1 文本的字节，文本只能以转义形式（\r、\n、\xNN）准确保留它们。</translation>
    </message>
    <message>
        <source>Turn on Escapes and switch to text</source>
        <translation>打开转义并切换到文本</translation>
    </message>
    <message>
        <source> (column %1)</source>
        <translation>（第 %1 列）</translation>
    </message>
    <message>
        <source> (line %1, column %2)</source>
        <translation>（第 %1 行，第 %2 列）</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Dynamic fields&lt;/b&gt; are replaced when the message is sent:&lt;/p&gt;&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{counter}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;1, 2, 3 … (&lt;tt&gt;start=&lt;/tt&gt;, &lt;tt&gt;step=&lt;/tt&gt;, &lt;tt&gt;width=&lt;/tt&gt;, &lt;tt&gt;hex&lt;/tt&gt;, &lt;tt&gt;u8&lt;/tt&gt;, &lt;tt&gt;u16be&lt;/tt&gt;, &lt;tt&gt;u32le&lt;/tt&gt; …)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{time}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;send time, &lt;tt&gt;HH:mm:ss.zzz&lt;/tt&gt;; or a QDateTime pattern, &lt;tt&gt;unix&lt;/tt&gt;, &lt;tt&gt;unixms&lt;/tt&gt;, &lt;tt&gt;iso&lt;/tt&gt;, &lt;tt&gt;u32be&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{random:4}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;4 random bytes&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{len:u16be}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;length of the whole frame (&lt;tt&gt;after&lt;/tt&gt;, &lt;tt&gt;adjust=-2&lt;/tt&gt;)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{{{&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;a literal &lt;tt&gt;{{&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Each sender (Send button, periodic send, sequence) counts on its own and keeps counting across runs while the tab is open. The preview shows the next frame. Full reference: docs/dynamic-fields.md.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;动态字段&lt;/b&gt;在发送消息时被替换：&lt;/p&gt;&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{counter}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;1、2、3 …（&lt;tt&gt;start=&lt;/tt&gt;、&lt;tt&gt;step=&lt;/tt&gt;、&lt;tt&gt;width=&lt;/tt&gt;、&lt;tt&gt;hex&lt;/tt&gt;、&lt;tt&gt;u8&lt;/tt&gt;、&lt;tt&gt;u16be&lt;/tt&gt;、&lt;tt&gt;u32le&lt;/tt&gt; …）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{time}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;发送时间，&lt;tt&gt;HH:mm:ss.zzz&lt;/tt&gt;；也可用 QDateTime 格式、&lt;tt&gt;unix&lt;/tt&gt;、&lt;tt&gt;unixms&lt;/tt&gt;、&lt;tt&gt;iso&lt;/tt&gt;、&lt;tt&gt;u32be&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{random:4}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;4 个随机字节&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{len:u16be}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;整帧的长度（&lt;tt&gt;after&lt;/tt&gt;、&lt;tt&gt;adjust=-2&lt;/tt&gt;）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{{{&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;字面的 &lt;tt&gt;{{&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;每个发送方式（发送按钮、定时发送、序列）独立计数，并且在标签页打开期间跨多次运行持续计数。预览显示的是下一帧。完整说明见 docs/dynamic-fields.md。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>To the server</source>
        <translation>发往服务器</translation>
    </message>
    <message>
        <source>To the client</source>
        <translation>发往客户端</translation>
    </message>
    <message>
        <source>Where a message you send goes: injected into the pair&apos;s connection to the server, or to the client</source>
        <translation>你发送的消息去向：注入到连接对通往服务器的连接，或发给客户端</translation>
    </message>
</context>
<context>
    <name>sockscope::SendRouter</name>
    <message>
        <source>Start listening first.</source>
        <translation>请先开始监听。</translation>
    </message>
    <message>
        <source>No client is connected yet.</source>
        <translation>尚无客户端连接。</translation>
    </message>
    <message numerus="yes">
        <source>Send to: all %n client(s)</source>
        <translation>
            <numerusform>发送到：全部 %n 个客户端</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to: %n selected client(s)</source>
        <translation>
            <numerusform>发送到：选中的 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect first.</source>
        <translation>请先连接。</translation>
    </message>
    <message>
        <source>Open the socket first.</source>
        <translation>请先打开套接字。</translation>
    </message>
    <message>
        <source>Set a remote address or select a peer.</source>
        <translation>请设置远程地址或选择一个对端。</translation>
    </message>
    <message>
        <source>Send to: the remote address</source>
        <translation>发送到：远程地址</translation>
    </message>
    <message numerus="yes">
        <source>Send to: %n selected peer(s)</source>
        <translation>
            <numerusform>发送到：选中的 %n 个对端</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one peer to send a file to.</source>
        <translation>请只选择一个对端来发送文件。</translation>
    </message>
    <message>
        <source>No client connected yet.</source>
        <translation>尚无客户端连接。</translation>
    </message>
    <message>
        <source>No client is connected.</source>
        <translation>没有客户端连接。</translation>
    </message>
    <message>
        <source>No client connected (all have left).</source>
        <translation>没有客户端连接（都已离开）。</translation>
    </message>
    <message>
        <source>Send to: the last sender, %1</source>
        <translation>发送到：最后的发送方，%1</translation>
    </message>
    <message>
        <source>Send to: the last sender (nothing received yet)</source>
        <translation>发送到：最后的发送方（尚未收到数据）</translation>
    </message>
    <message>
        <source>Send to: the remote address until a datagram arrives, then its sender</source>
        <translation>发送到：远程地址，收到数据报后改为其发送方</translation>
    </message>
    <message>
        <source>Start the relay first.</source>
        <translation>请先启动中继。</translation>
    </message>
    <message>
        <source>No pair is connected.</source>
        <translation>没有已连接的连接对。</translation>
    </message>
    <message>
        <source>No pair is connected yet.</source>
        <translation>还没有已连接的连接对。</translation>
    </message>
    <message>
        <source>No selected pair is connected.</source>
        <translation>选中的连接对都未连接。</translation>
    </message>
    <message>
        <source>No pair connected (all have left).</source>
        <translation>没有已连接的连接对（都已离开）。</translation>
    </message>
    <message>
        <source>No pair connected yet.</source>
        <translation>还没有连接对。</translation>
    </message>
    <message numerus="yes">
        <source>Send to: the server side of all %n pair(s)</source>
        <translation>
            <numerusform>发送到：全部 %n 个连接对的服务器一侧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to: the client side of all %n pair(s)</source>
        <translation>
            <numerusform>发送到：全部 %n 个连接对的客户端一侧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to: the server side of %n selected pair(s)</source>
        <translation>
            <numerusform>发送到：%n 个选中连接对的服务器一侧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to: the client side of %n selected pair(s)</source>
        <translation>
            <numerusform>发送到：%n 个选中连接对的客户端一侧</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one pair to send a file to.</source>
        <translation>请选择一个连接对来发送文件。</translation>
    </message>
    <message>
        <source>Start first: sends wait for the DTLS handshake with the server.</source>
        <translation>请先启动：发送要等与服务器的 DTLS 握手完成。</translation>
    </message>
    <message>
        <source>Send to: the DTLS server</source>
        <translation>发送到：DTLS 服务器</translation>
    </message>
    <message>
        <source>No DTLS client has finished its handshake yet.</source>
        <translation>还没有 DTLS 客户端完成握手。</translation>
    </message>
    <message>
        <source>No DTLS client yet.</source>
        <translation>还没有 DTLS 客户端。</translation>
    </message>
    <message numerus="yes">
        <source>Send to: all %n DTLS client(s)</source>
        <translation>
            <numerusform>发送到：全部 %n 个 DTLS 客户端</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::SequenceController</name>
    <message>
        <source>Completed. %1</source>
        <translation>已完成。%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
</context>
<context>
    <name>sockscope::SequenceDelegate</name>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
<context>
    <name>sockscope::SequenceDialog</name>
    <message>
        <source>Close this window; a running sequence goes on</source>
        <translation>关闭此窗口；正在运行的序列会继续发送</translation>
    </message>
    <message>
        <source>Remove Step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Add at least one step first.</source>
        <translation>请先添加至少一个步骤。</translation>
    </message>
    <message>
        <source>Step %1 cannot be sent: %2</source>
        <translation>步骤 %1 无法发送：%2</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Stop the sequence</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Send the steps in order, looping as set</source>
        <translation>按顺序发送各步骤，并按设定次数循环</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s), about %1 ms per loop.</source>
        <translation>
            <numerusform>%n 个步骤，每次循环约 %1 ms。</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1/%2, loop %3 (until stopped)</source>
        <translation>步骤 %1/%2，第 %3 次循环（直到停止）</translation>
    </message>
    <message>
        <source>Step %1/%2, loop %3/%4</source>
        <translation>步骤 %1/%2，循环 %3/%4</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
</context>
<context>
    <name>sockscope::SequenceModel</name>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>escapes</source>
        <translation>转义</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>动态字段</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Step %1 cannot be sent: %2</source>
        <translation>步骤 %1 无法发送：%2</translation>
    </message>
    <message>
        <source>Pause after this step before the next one (also between loops), 0 to %1 ms.</source>
        <translation>本步骤之后、下一步骤之前的延时（循环之间也是如此），0 到 %1 ms。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Delay after</source>
        <translation>后延时</translation>
    </message>
    <message>
        <source>The message content; double-click to edit it (escapes and hex digits as in the send editor).</source>
        <translation>消息内容；双击可编辑（转义序列和十六进制数字的写法与发送编辑框相同）。</translation>
    </message>
    <message>
        <source>Format and options, as they were in the send editor when the step was added.</source>
        <translation>格式和选项，即添加该步骤时发送编辑框中的设置。</translation>
    </message>
    <message>
        <source>Pause after the step, in milliseconds; double-click to edit.</source>
        <translation>该步骤之后的延时，单位毫秒；双击可编辑。</translation>
    </message>
</context>
<context>
    <name>sockscope::Session</name>
    <message>
        <source>Disconnected by you.</source>
        <translation>已主动断开。</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>已断开：%1</translation>
    </message>
    <message>
        <source>Port %1 is already in use; looking up which program holds it…</source>
        <translation>端口 %1 已被占用；正在查找占用它的程序…</translation>
    </message>
    <message>
        <source>Auto-reply not sent: the peer is not reading (%1 bytes still unsent to it). Replies to it are dropped until it reads.</source>
        <translation>自动回复未发送：对端没有在读取（仍有 %1 字节未发给它）。在它读取之前，发给它的回复都会被丢弃。</translation>
    </message>
    <message>
        <source>Auto-reply not sent: %1 bytes of replies already wait for this peer. Replies to it are dropped until they have gone out.</source>
        <translation>自动回复未发送：已有 %1 字节的回复在等待发给该对端。在这些回复发出之前，发给它的回复都会被丢弃。</translation>
    </message>
    <message>
        <source>Auto-reply not sent: %1 bytes of replies already wait in this session. Replies are dropped until they have gone out.</source>
        <translation>自动回复未发送：本会话已有 %1 字节的回复在等待。在这些回复发出之前，回复都会被丢弃。</translation>
    </message>
    <message numerus="yes">
        <source>%n auto-reply(ies) not sent (%1 bytes in all).</source>
        <translation>
            <numerusform>%n 条自动回复未发送（共 %1 字节）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting auto-reply(ies) dropped (%1 bytes): the peer is gone.</source>
        <translation>
            <numerusform>%n 条等待中的自动回复已丢弃（%1 字节）：对端已离开。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send: the message is empty.</source>
        <translation>没有可发送的内容：消息为空。</translation>
    </message>
    <message>
        <source>Not sent to %1: no longer connected.</source>
        <translation>未发送到 %1：已不再连接。</translation>
    </message>
    <message>
        <source>Client side closed: %1</source>
        <translation>客户端一侧已关闭：%1</translation>
    </message>
    <message>
        <source>Server side closed: %1</source>
        <translation>服务器一侧已关闭：%1</translation>
    </message>
    <message>
        <source>Holding what the client sends.</source>
        <translation>暂扣客户端发送的数据。</translation>
    </message>
    <message>
        <source>Holding what the server sends.</source>
        <translation>暂扣服务器发送的数据。</translation>
    </message>
    <message>
        <source>Passing on what the client sends again.</source>
        <translation>恢复转发客户端发送的数据。</translation>
    </message>
    <message>
        <source>Passing on what the server sends again.</source>
        <translation>恢复转发服务器发送的数据。</translation>
    </message>
</context>
<context>
    <name>sockscope::SessionTab</name>
    <message>
        <source>Forget</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>TCP Server</source>
        <translation>TCP 服务端</translation>
    </message>
    <message>
        <source>TCP Client</source>
        <translation>TCP 客户端</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>Forget the selected peers (their next datagram adds them again).</source>
        <translation>移除所选对端（它们再发来数据报时会重新加入）。</translation>
    </message>
    <message>
        <source>Disconnect the selected clients.</source>
        <translation>断开所选客户端。</translation>
    </message>
    <message>
        <source>Select the peers to forget first.</source>
        <translation>请先选择要移除的对端。</translation>
    </message>
    <message>
        <source>Select the clients to disconnect first (Ctrl+click for several).</source>
        <translation>请先选择要断开的客户端（按住 Ctrl 点击可多选）。</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>中继</translation>
    </message>
    <message>
        <source>Disconnect the selected pairs (the client and its connection to the server).</source>
        <translation>断开选中的连接对（客户端及其通往服务器的连接）。</translation>
    </message>
    <message>
        <source>Select the pairs to disconnect first (Ctrl+click for several).</source>
        <translation>请先选择要断开的连接对（按住 Ctrl 点击可多选）。</translation>
    </message>
    <message>
        <source>UDP Relay</source>
        <translation>UDP 中继</translation>
    </message>
</context>
<context>
    <name>sockscope::ShapingDialog</name>
    <message>
        <source>Relay shaping</source>
        <translation>中继网络整形</translation>
    </message>
    <message>
        <source>Make the relay a slow network: each direction&apos;s bytes are passed on this much later, and no faster than the rate. Applies at once, also while the relay runs.</source>
        <translation>让中继模拟慢速网络：每个方向的数据按此延迟转发，且不超过限定速率。立即生效，中继运行时也可修改。</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>速率上限</translation>
    </message>
    <message>
        <source>Client → server (C→S)</source>
        <translation>客户端 → 服务器（C→S）</translation>
    </message>
    <message>
        <source>Server → client (S→C)</source>
        <translation>服务器 → 客户端（S→C）</translation>
    </message>
    <message>
        <source>No shaping</source>
        <translation>不整形</translation>
    </message>
    <message>
        <source>Pass bytes on as they come, both ways.</source>
        <translation>两个方向都按到达的原样转发。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How much later each byte is passed on (0: at once).</source>
        <translation>每个字节延迟多久转发（0：立即）。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>The most passed on per second (0: no limit).</source>
        <translation>每秒最多转发的量（0：不限）。</translation>
    </message>
    <message>
        <source>B/s</source>
        <translation>B/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>S→C %1</source>
        <translation>S→C %1</translation>
    </message>
    <message>
        <source>C→S %1</source>
        <translation>C→S %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>sockscope::SocketErrors</name>
    <message>
        <source>Connection to %1 was refused: nothing is listening on that port.</source>
        <translation>连接 %1 被拒绝：该端口上没有程序在监听。</translation>
    </message>
    <message>
        <source>The connection was refused: nothing is listening on that port.</source>
        <translation>连接被拒绝：该端口上没有程序在监听。</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 关闭了连接。</translation>
    </message>
    <message>
        <source>The remote host closed the connection.</source>
        <translation>远程主机关闭了连接。</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; could not be found.</source>
        <translation>找不到主机 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>The host could not be found.</source>
        <translation>找不到主机。</translation>
    </message>
    <message>
        <source>Access to %1 was denied: the operation needs more privileges (ports below 1024 usually do).</source>
        <translation>访问 %1 被拒绝：该操作需要更高权限（使用 1024 以下的端口通常需要）。</translation>
    </message>
    <message>
        <source>The socket operation was denied: it needs more privileges (ports below 1024 usually do).</source>
        <translation>套接字操作被拒绝：需要更高权限（使用 1024 以下的端口通常需要）。</translation>
    </message>
    <message>
        <source>Could not open a socket for %1: the system ran out of resources (too many open sockets or too little memory).</source>
        <translation>无法为 %1 打开套接字：系统资源不足（打开的套接字过多或内存不足）。</translation>
    </message>
    <message>
        <source>The system ran out of socket resources (too many open sockets or too little memory).</source>
        <translation>系统套接字资源不足（打开的套接字过多或内存不足）。</translation>
    </message>
    <message>
        <source>The operation on %1 timed out.</source>
        <translation>%1 上的操作超时。</translation>
    </message>
    <message>
        <source>The socket operation timed out.</source>
        <translation>套接字操作超时。</translation>
    </message>
    <message>
        <source>The datagram for %1 is larger than the network allows (at most 65507 bytes over IPv4).</source>
        <translation>发往 %1 的数据报超出网络允许的大小（IPv4 下最大 65507 字节）。</translation>
    </message>
    <message>
        <source>The datagram is larger than the network allows (at most 65507 bytes over IPv4).</source>
        <translation>数据报超出网络允许的大小（IPv4 下最大 65507 字节）。</translation>
    </message>
    <message>
        <source>A network error occurred with %1: the network or host may be unreachable, or the connection timed out.</source>
        <translation>%1 发生网络错误：网络或主机可能不可达，或连接超时。</translation>
    </message>
    <message>
        <source>A network error occurred: the network or host may be unreachable, or the connection timed out.</source>
        <translation>发生网络错误：网络或主机可能不可达，或连接超时。</translation>
    </message>
    <message>
        <source>%1 is already in use by another socket.</source>
        <translation>%1 已被其他套接字占用。</translation>
    </message>
    <message>
        <source>The address is already in use by another socket.</source>
        <translation>地址已被其他套接字占用。</translation>
    </message>
    <message>
        <source>Cannot bind to %1: that address does not belong to this computer.</source>
        <translation>无法绑定到 %1：该地址不属于本机。</translation>
    </message>
    <message>
        <source>The requested address does not belong to this computer.</source>
        <translation>请求的地址不属于本机。</translation>
    </message>
    <message>
        <source>The operation on %1 is not supported by this system (for example IPv6 where IPv6 is disabled).</source>
        <translation>本系统不支持对 %1 的此操作（例如 IPv6 已禁用时使用 IPv6）。</translation>
    </message>
    <message>
        <source>The operation is not supported by this system (for example IPv6 where IPv6 is disabled).</source>
        <translation>本系统不支持此操作（例如 IPv6 已禁用时使用 IPv6）。</translation>
    </message>
    <message>
        <source>An earlier operation on %1 is still in progress.</source>
        <translation>%1 上先前的操作仍在进行中。</translation>
    </message>
    <message>
        <source>An earlier socket operation is still in progress.</source>
        <translation>先前的套接字操作仍在进行中。</translation>
    </message>
    <message>
        <source>The proxy requires authentication to reach %1.</source>
        <translation>代理要求身份验证才能访问 %1。</translation>
    </message>
    <message>
        <source>The proxy requires authentication.</source>
        <translation>代理要求身份验证。</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed.</source>
        <translation>与 %1 的 TLS 握手失败。</translation>
    </message>
    <message>
        <source>The TLS handshake failed.</source>
        <translation>TLS 握手失败。</translation>
    </message>
    <message>
        <source>The proxy refused the connection to %1.</source>
        <translation>代理拒绝了到 %1 的连接。</translation>
    </message>
    <message>
        <source>The proxy server refused the connection.</source>
        <translation>代理服务器拒绝了连接。</translation>
    </message>
    <message>
        <source>The proxy closed the connection to %1 unexpectedly.</source>
        <translation>代理意外关闭了到 %1 的连接。</translation>
    </message>
    <message>
        <source>The proxy server closed the connection unexpectedly.</source>
        <translation>代理服务器意外关闭了连接。</translation>
    </message>
    <message>
        <source>The proxy did not answer in time while connecting to %1.</source>
        <translation>连接 %1 时代理未及时响应。</translation>
    </message>
    <message>
        <source>The proxy server did not answer in time.</source>
        <translation>代理服务器未及时响应。</translation>
    </message>
    <message>
        <source>The proxy for %1 could not be found.</source>
        <translation>找不到 %1 的代理。</translation>
    </message>
    <message>
        <source>The proxy server could not be found.</source>
        <translation>找不到代理服务器。</translation>
    </message>
    <message>
        <source>The proxy sent a reply that could not be understood while connecting to %1.</source>
        <translation>连接 %1 时代理发送了无法解析的响应。</translation>
    </message>
    <message>
        <source>The proxy server sent a reply that could not be understood.</source>
        <translation>代理服务器发送了无法解析的响应。</translation>
    </message>
    <message>
        <source>The operation on %1 is not allowed in the socket&apos;s current state.</source>
        <translation>套接字当前状态下不允许对 %1 执行此操作。</translation>
    </message>
    <message>
        <source>The operation is not allowed in the socket&apos;s current state.</source>
        <translation>套接字当前状态下不允许此操作。</translation>
    </message>
    <message>
        <source>The TLS library reported an internal error while talking to %1.</source>
        <translation>与 %1 通信时 TLS 库报告了内部错误。</translation>
    </message>
    <message>
        <source>The TLS library reported an internal error.</source>
        <translation>TLS 库报告了内部错误。</translation>
    </message>
    <message>
        <source>Invalid TLS data (certificate, key or cipher) was given for %1.</source>
        <translation>为 %1 提供的 TLS 数据（证书、密钥或加密套件）无效。</translation>
    </message>
    <message>
        <source>Invalid TLS data (certificate, key or cipher) was given.</source>
        <translation>提供的 TLS 数据（证书、密钥或加密套件）无效。</translation>
    </message>
    <message>
        <source>A temporary error occurred on %1; try again.</source>
        <translation>%1 上发生临时错误，请重试。</translation>
    </message>
    <message>
        <source>A temporary socket error occurred; try again.</source>
        <translation>发生临时套接字错误，请重试。</translation>
    </message>
    <message>
        <source>An unknown error occurred on %1.</source>
        <translation>%1 上发生未知错误。</translation>
    </message>
    <message>
        <source>An unknown socket error occurred.</source>
        <translation>发生未知套接字错误。</translation>
    </message>
    <message>
        <source>Socket error %1 occurred on %2.</source>
        <translation>%2 上发生套接字错误 %1。</translation>
    </message>
    <message>
        <source>Socket error %1 occurred.</source>
        <translation>发生套接字错误 %1。</translation>
    </message>
    <message>
        <source>Closed by peer</source>
        <translation>对端关闭</translation>
    </message>
    <message>
        <source>Reset by peer</source>
        <translation>对端重置</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Host not found</source>
        <translation>找不到主机</translation>
    </message>
    <message>
        <source>Network unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <source>Closed locally</source>
        <translation>本地关闭</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1, IPv6 and IPv4</source>
        <translation>%1，IPv6 和 IPv4</translation>
    </message>
    <message>
        <source>%1, IPv6 only</source>
        <translation>%1，仅 IPv6</translation>
    </message>
    <message>
        <source>TLS failed</source>
        <translation>TLS 失败</translation>
    </message>
</context>
<context>
    <name>sockscope::TcpClientSession</name>
    <message>
        <source>Connecting to %1 timed out after %2 ms.</source>
        <translation>连接 %1 超时（%2 ms）。</translation>
    </message>
    <message>
        <source>Cannot bind the local address %1: %2</source>
        <translation>无法绑定本地地址 %1：%2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected to %1 from %2</source>
        <translation>已连接到 %1（本地 %2）</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>已断开：%1</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s (%2)</source>
        <translation>%1 秒后重连（%2）</translation>
    </message>
    <message>
        <source>Connection attempt cancelled.</source>
        <translation>已取消连接尝试。</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
</context>
<context>
    <name>sockscope::TcpConnector</name>
    <message>
        <source>Connecting to %1 timed out after %2 ms.</source>
        <translation>连接 %1 超时（%2 ms）。</translation>
    </message>
    <message>
        <source>Cannot bind the local address %1: %2</source>
        <translation>无法绑定本地地址 %1：%2</translation>
    </message>
</context>
<context>
    <name>sockscope::TcpLink</name>
    <message>
        <source>the peer closed the connection</source>
        <translation>对端关闭了连接</translation>
    </message>
    <message>
        <source>closed by you</source>
        <translation>已主动关闭</translation>
    </message>
    <message>
        <source>the peer reset the connection</source>
        <translation>对端重置了连接</translation>
    </message>
    <message numerus="yes">
        <source>; %n byte(s) queued for it were not sent</source>
        <translation>
            <numerusform>；排队待发的 %n 字节未能发出</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::TcpRelaySession</name>
    <message>
        <source>No server to relay to: give its host and port.</source>
        <translation>没有要中继到的服务器：请填写其主机和端口。</translation>
    </message>
    <message>
        <source>%1; relaying to %2</source>
        <translation>%1；中继到 %2</translation>
    </message>
    <message>
        <source>Connected; connecting to the server %1…</source>
        <translation>已连接；正在连接服务器 %1…</translation>
    </message>
    <message>
        <source>Connected to the server %1 from %2</source>
        <translation>已从 %2 连接到服务器 %1</translation>
    </message>
    <message>
        <source>the server %1 could not be reached: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) could not be passed on: the other side is closed.</source>
        <translation>
            <numerusform>%n 字节无法转发：另一端已关闭。</numerusform>
        </translation>
    </message>
    <message>
        <source>The client finished sending (half-close); held.</source>
        <translation>客户端已结束发送（半关闭）；已暂扣。</translation>
    </message>
    <message>
        <source>The server finished sending (half-close); held.</source>
        <translation>服务器已结束发送（半关闭）；已暂扣。</translation>
    </message>
    <message>
        <source>The client finished sending (half-close); passed on to the server.</source>
        <translation>客户端已结束发送（半关闭）；已转告服务器。</translation>
    </message>
    <message>
        <source>The server finished sending (half-close); passed on to the client.</source>
        <translation>服务器已结束发送（半关闭）；已转告客户端。</translation>
    </message>
    <message numerus="yes">
        <source>Released %n held byte(s).</source>
        <translation>
            <numerusform>已放行 %n 个暂扣字节。</numerusform>
        </translation>
    </message>
    <message>
        <source>Passed on the held end of stream (half-close).</source>
        <translation>已转发暂扣的流结束（半关闭）。</translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n held byte(s); they were not passed on.</source>
        <translation>
            <numerusform>已丢弃 %n 个暂扣字节；它们未被转发。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held byte(s) were not passed on: the connection closed.</source>
        <translation>
            <numerusform>%n 个暂扣字节未被转发：连接已关闭。</numerusform>
        </translation>
    </message>
    <message>
        <source>the client reset the connection; the reset was passed on</source>
        <translation>客户端重置了连接；已将重置转发</translation>
    </message>
    <message>
        <source>the server reset the connection; the reset was passed on</source>
        <translation>服务器重置了连接；已将重置转发</translation>
    </message>
    <message>
        <source>the peer closed the connection</source>
        <translation>对端关闭了连接</translation>
    </message>
    <message>
        <source>the client side closed (%1)</source>
        <translation>客户端一侧已关闭（%1）</translation>
    </message>
    <message>
        <source>the server side closed (%1)</source>
        <translation>服务器一侧已关闭（%1）</translation>
    </message>
    <message>
        <source>Choose where to send: the client side or the server side of a pair.</source>
        <translation>请选择发送到哪里：连接对的客户端一侧或服务器一侧。</translation>
    </message>
</context>
<context>
    <name>sockscope::TcpServerSession</name>
    <message>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped listening; %n client(s) stay connected.</source>
        <translation>
            <numerusform>已停止监听；%n 个客户端仍保持连接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not listening (%n client(s) connected)</source>
        <translation>
            <numerusform>未监听（%n 个客户端已连接）</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>No client is connected.</source>
        <translation>没有已连接的客户端。</translation>
    </message>
    <message>
        <source>Listening on %1 (every interface: other machines can connect)</source>
        <translation>正在监听 %1（所有网络接口：其他机器可以连接）</translation>
    </message>
</context>
<context>
    <name>sockscope::TextCodec</name>
    <message>
        <source>Character &apos;%1&apos; (%2) at position %3 cannot be encoded in %4.</source>
        <translation>位置 %3 的字符 &apos;%1&apos; (%2) 无法用 %4 编码。</translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) cannot be encoded either.</source>
        <translation>
            <numerusform>另有 %n 个字符也无法编码。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::TlsCertificates</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>颁发者：%1</translation>
    </message>
    <message>
        <source>Valid from %1 until %2 (%3)</source>
        <translation>有效期：%1 至 %2（%3）</translation>
    </message>
    <message>
        <source>DNS names: %1</source>
        <translation>DNS 名称：%1</translation>
    </message>
    <message>
        <source>IP addresses: %1</source>
        <translation>IP 地址：%1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <source>Self-signed: yes</source>
        <translation>自签名：是</translation>
    </message>
    <message>
        <source>Self-signed: no</source>
        <translation>自签名：否</translation>
    </message>
    <message>
        <source>Certificate %1 (peer)</source>
        <translation>证书 %1（对端）</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>证书 %1</translation>
    </message>
    <message>
        <source>Cannot generate a certificate.</source>
        <translation>无法生成证书。</translation>
    </message>
    <message>
        <source>Cannot generate a certificate: %1</source>
        <translation>无法生成证书：%1</translation>
    </message>
</context>
<context>
    <name>sockscope::TlsDialog</name>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>TLS options</source>
        <translation>TLS 选项</translation>
    </message>
    <message>
        <source>TLS towards clients (terminate)</source>
        <translation>面向客户端的 TLS（终结）</translation>
    </message>
    <message>
        <source>Clients connect with TLS and see our certificate; the relay decrypts what they send.</source>
        <translation>客户端用 TLS 连接并看到我方证书；中继解密它们发送的内容。</translation>
    </message>
    <message>
        <source>TLS towards the upstream (originate)</source>
        <translation>面向上游的 TLS（发起）</translation>
    </message>
    <message>
        <source>The relay connects to the server with TLS and verifies its certificate.</source>
        <translation>中继用 TLS 连接服务器并验证其证书。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Towards clients: our certificate</source>
        <translation>面向客户端：我方证书</translation>
    </message>
    <message>
        <source>This server&apos;s certificate</source>
        <translation>本服务器的证书</translation>
    </message>
    <message>
        <source>Not asked for</source>
        <translation>不要求</translation>
    </message>
    <message>
        <source>Optional (verified when shown)</source>
        <translation>可选（出示时验证）</translation>
    </message>
    <message>
        <source>Required (mutual TLS)</source>
        <translation>必须（双向 TLS）</translation>
    </message>
    <message>
        <source>Whether clients must show a certificate of their own. It is verified against the CA file (empty: the system&apos;s CAs).</source>
        <translation>客户端是否必须出示自己的证书。证书按 CA 文件验证（留空：系统 CA）。</translation>
    </message>
    <message>
        <source>Client certificates</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs</source>
        <translation>系统信任的 CA</translation>
    </message>
    <message>
        <source>Client certificates are verified against these CA certificates (PEM).</source>
        <translation>客户端证书按这些 CA 证书（PEM）验证。</translation>
    </message>
    <message>
        <source>e.g. h2, http/1.1, mqtt</source>
        <translation>例如 h2, http/1.1, mqtt</translation>
    </message>
    <message>
        <source>Application protocols (ALPN) to agree on, comma-separated, the preferred first. Empty: none.</source>
        <translation>要协商的应用层协议（ALPN），逗号分隔，优先的在前。留空：无。</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>Whether clients must show a certificate of their own. It is verified against the CA file of the upstream section (empty: the system&apos;s CAs).</source>
        <translation>客户端是否必须出示自己的证书。证书按上游部分的 CA 文件验证（留空：系统 CA）。</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Our certificate (PEM), optionally followed by its chain.</source>
        <translation>我方证书（PEM），后面可附证书链。</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key (PEM). An encrypted key asks for its passphrase at each start; the passphrase is never saved.</source>
        <translation>证书的私钥（PEM）。加密的私钥每次启动时询问口令；口令从不保存。</translation>
    </message>
    <message>
        <source>Generate a throwaway certificate</source>
        <translation>生成一次性证书</translation>
    </message>
    <message>
        <source>A new self-signed certificate for localhost, 127.0.0.1 and ::1, valid 30 days, for tests on this machine. Clients must be told to trust it (its fingerprint, or the saved certificate).</source>
        <translation>为 localhost、127.0.0.1 和 ::1 生成新的自签名证书，有效期 30 天，用于本机测试。需告诉客户端信任它（通过指纹或保存的证书）。</translation>
    </message>
    <message>
        <source>Save certificate…</source>
        <translation>保存证书…</translation>
    </message>
    <message>
        <source>Save the generated certificate, e.g. as a CA file for clients.</source>
        <translation>保存生成的证书，例如作为客户端的 CA 文件。</translation>
    </message>
    <message>
        <source>Save key…</source>
        <translation>保存私钥…</translation>
    </message>
    <message>
        <source>Save the generated private key (readable by you only).</source>
        <translation>保存生成的私钥（仅你本人可读）。</translation>
    </message>
    <message>
        <source>A new throwaway certificate at each start, kept in memory only</source>
        <translation>每次启动生成新的一次性证书，只保存在内存中</translation>
    </message>
    <message>
        <source>No files: its fingerprint is in the log and under Certificates… once started.</source>
        <translation>不写文件：启动后其指纹见日志和“证书…”。</translation>
    </message>
    <message>
        <source>Towards the upstream server</source>
        <translation>面向上游服务器</translation>
    </message>
    <message>
        <source>The server&apos;s certificate</source>
        <translation>服务器的证书</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>验证服务器的证书</translation>
    </message>
    <message>
        <source>Check that the certificate was issued by a trusted CA for this server name and is valid now.</source>
        <translation>检查证书是否由受信任的 CA 为此服务器名称签发，且当前有效。</translation>
    </message>
    <message>
        <source>Not verifying: whoever sits between you and the server can pretend to be it and read everything. Errors are only logged. For this run only (not remembered).</source>
        <translation>不验证：任何位于你和服务器之间的人都可以冒充它并读取一切。错误仅记入日志。仅本次运行有效（不会记住）。</translation>
    </message>
    <message>
        <source>Trust only these CA certificates (PEM) — e.g. a saved throwaway certificate. Empty: the system&apos;s trusted CAs.</source>
        <translation>只信任这些 CA 证书（PEM）——例如保存的一次性证书。留空：系统信任的 CA。</translation>
    </message>
    <message>
        <source>The name sent as SNI and checked against the certificate. Empty: the host connected to.</source>
        <translation>作为 SNI 发送并与证书核对的名称。留空：所连接的主机。</translation>
    </message>
    <message>
        <source>Server name (SNI)</source>
        <translation>服务器名称（SNI）</translation>
    </message>
    <message>
        <source>Application protocols (ALPN) to offer, comma-separated, the preferred first. Empty: none.</source>
        <translation>要提供的应用层协议（ALPN），逗号分隔，优先的在前。留空：无。</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Our certificate for servers that ask for one (mutual TLS), PEM.</source>
        <translation>供要求证书的服务器使用的我方证书（双向 TLS），PEM。</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>The client certificate&apos;s private key (PEM).</source>
        <translation>客户端证书的私钥（PEM）。</translation>
    </message>
    <message>
        <source>the host connected to</source>
        <translation>所连接的主机</translation>
    </message>
    <message>
        <source>%1 · %2 until %3</source>
        <translation>%1 · %2，有效至 %3</translation>
    </message>
    <message>
        <source> · self-signed</source>
        <translation> · 自签名</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <source>No certificate was made: %1</source>
        <translation>未能生成证书：%1</translation>
    </message>
    <message>
        <source>Generated: self-signed for localhost, 127.0.0.1 and ::1.
SHA-256 fingerprint: %1</source>
        <translation>已生成：为 localhost、127.0.0.1 和 ::1 自签名。
SHA-256 指纹：%1</translation>
    </message>
    <message>
        <source>%1 cannot be created.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>保存证书</translation>
    </message>
    <message>
        <source>Certificate saved to %1.
SHA-256 fingerprint: %2</source>
        <translation>证书已保存到 %1。
SHA-256 指纹：%2</translation>
    </message>
    <message>
        <source>Save private key</source>
        <translation>保存私钥</translation>
    </message>
    <message>
        <source>Key saved to %1 (readable by you only).</source>
        <translation>私钥已保存到 %1（仅你本人可读）。</translation>
    </message>
    <message>
        <source>DTLS options</source>
        <translation>DTLS 选项</translation>
    </message>
    <message>
        <source>The name checked against the server&apos;s certificate. Empty: the remote host.</source>
        <translation>与服务器证书核对的名称。留空：远程主机。</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>服务器名称</translation>
    </message>
    <message>
        <source>DTLS sends no server name (SNI) to the server; the name is only checked against its certificate.</source>
        <translation>DTLS 不向服务器发送服务器名称（SNI）；该名称只与其证书核对。</translation>
    </message>
    <message>
        <source>DTLS server (our certificate)</source>
        <translation>DTLS 服务器（我方证书）</translation>
    </message>
    <message>
        <source>DTLS client (to the remote target)</source>
        <translation>DTLS 客户端（连接远程目标）</translation>
    </message>
    <message>
        <source>A server shows its certificate to the clients that send to it; a client shakes hands with the remote address of the tab and verifies its certificate.</source>
        <translation>服务器向发来数据的客户端出示其证书；客户端与本标签页的远程地址握手并验证其证书。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>A DTLS server needs a certificate and its key file: choose both, or generate a throwaway certificate.</source>
        <translation>DTLS 服务器需要证书及其私钥文件：请两者都选，或生成一次性证书。</translation>
    </message>
</context>
<context>
    <name>sockscope::TlsErrors</name>
    <message>
        <source>the peer&apos;s certificate</source>
        <translation>对端的证书</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Host name mismatch: %1 does not name this host (it names: %2).</source>
        <translation>主机名不匹配：%1 不包含此主机（它包含：%2）。</translation>
    </message>
    <message>
        <source>Host name mismatch: %1 is not for %2 (it names: %3).</source>
        <translation>主机名不匹配：%1 不是颁发给 %2 的（它包含：%3）。</translation>
    </message>
    <message>
        <source>Self-signed: %1 signed itself and is not among the trusted certificates.</source>
        <translation>自签名：%1 由其自身签名，且不在受信任的证书中。</translation>
    </message>
    <message>
        <source>Unknown issuer: the chain of %1 ends in a self-signed certificate that is not trusted.</source>
        <translation>颁发者未知：%1 的证书链终止于一个不受信任的自签名证书。</translation>
    </message>
    <message>
        <source>Unknown issuer: the issuer of %1 was not sent and is not trusted (a missing intermediate certificate?).</source>
        <translation>颁发者未知：对端未发送 %1 的颁发者，且它不受信任（缺少中间证书？）。</translation>
    </message>
    <message>
        <source>Unknown issuer: %1 was issued by an authority that is not trusted.</source>
        <translation>颁发者未知：%1 由不受信任的机构颁发。</translation>
    </message>
    <message>
        <source>Expired: %1 was valid until %2.</source>
        <translation>已过期：%1 的有效期截止到 %2。</translation>
    </message>
    <message>
        <source>Not yet valid: %1 is valid from %2.</source>
        <translation>尚未生效：%1 自 %2 起生效。</translation>
    </message>
    <message>
        <source>Malformed: the validity dates of %1 cannot be read.</source>
        <translation>格式错误：无法读取 %1 的有效期。</translation>
    </message>
    <message>
        <source>Revoked: the issuer of %1 has withdrawn it.</source>
        <translation>已吊销：%1 的颁发者已将其撤销。</translation>
    </message>
    <message>
        <source>Bad signature: the signature on %1 does not verify.</source>
        <translation>签名无效：%1 上的签名验证失败。</translation>
    </message>
    <message>
        <source>Broken chain: the issuer named in %1 is not the certificate that follows it.</source>
        <translation>证书链断裂：%1 中标明的颁发者不是其后的那张证书。</translation>
    </message>
    <message>
        <source>Not an authority: %1 signs other certificates but may not.</source>
        <translation>不是证书机构：%1 签发了其他证书，但它无权这样做。</translation>
    </message>
    <message>
        <source>Chain too long: %1 is further from its authority than that authority allows.</source>
        <translation>证书链过长：%1 与其机构之间的层级超过了该机构允许的长度。</translation>
    </message>
    <message>
        <source>Wrong purpose: %1 is not meant for this side of a TLS connection.</source>
        <translation>用途不符：%1 不适用于 TLS 连接的这一端。</translation>
    </message>
    <message>
        <source>No certificate: the peer did not send one.</source>
        <translation>没有证书：对端未发送证书。</translation>
    </message>
    <message>
        <source>Rejected: %1 is marked as not to be trusted.</source>
        <translation>已拒绝：%1 被标记为不受信任。</translation>
    </message>
    <message>
        <source>Revocation status unknown for %1.</source>
        <translation>%1 的吊销状态未知。</translation>
    </message>
    <message>
        <source>The peer does not speak TLS: its first bytes are not a TLS record (plaintext on a TLS port?).</source>
        <translation>对端不使用 TLS：其最初的字节不是 TLS 记录（在 TLS 端口上使用了明文？）。</translation>
    </message>
    <message>
        <source>The peer closed the connection without answering: it does not speak TLS, or it refused the handshake.</source>
        <translation>对端未应答就关闭了连接：它不使用 TLS，或拒绝了握手。</translation>
    </message>
    <message>
        <source>No shared protocol version or cipher: the peer accepts none of those offered.</source>
        <translation>没有共同的协议版本或加密套件：对端不接受所提供的任何一种。</translation>
    </message>
    <message>
        <source>No shared application protocol (ALPN).</source>
        <translation>没有共同的应用层协议（ALPN）。</translation>
    </message>
    <message>
        <source>The peer rejected the certificate it was shown.</source>
        <translation>对端拒绝了所出示的证书。</translation>
    </message>
    <message>
        <source>The peer requires a client certificate.</source>
        <translation>对端要求提供客户端证书。</translation>
    </message>
    <message>
        <source>The peer ended the handshake with a TLS alert.</source>
        <translation>对端以 TLS 警报结束了握手。</translation>
    </message>
    <message>
        <source>The TLS handshake timed out.</source>
        <translation>TLS 握手超时。</translation>
    </message>
    <message>
        <source>The TLS handshake failed.</source>
        <translation>TLS 握手失败。</translation>
    </message>
    <message>
        <source>The peer refused the handshake (alert handshake_failure): it shares no protocol version or cipher with us, or it wants a client certificate.</source>
        <translation>对方拒绝了握手（告警 handshake_failure）：它与我方没有共同的协议版本或加密套件，或者它要求客户端证书。</translation>
    </message>
</context>
<context>
    <name>sockscope::TlsFiles</name>
    <message>
        <source>Cannot write the private key to %1: %2</source>
        <translation>无法将私钥写入 %1：%2</translation>
    </message>
    <message>
        <source>The %1 file %2 does not exist.</source>
        <translation>%1文件 %2 不存在。</translation>
    </message>
    <message>
        <source>The %1 file %2 cannot be read: %3.</source>
        <translation>%1文件 %2 无法读取：%3。</translation>
    </message>
    <message>
        <source>The %1 file %2 is too big for a PEM file.</source>
        <translation>%1文件 %2 太大，不像 PEM 文件。</translation>
    </message>
    <message>
        <source>The %1 file %2 is empty.</source>
        <translation>%1文件 %2 是空的。</translation>
    </message>
    <message>
        <source>The %1 file %2 holds no certificate (PEM or DER expected).</source>
        <translation>%1文件 %2 中没有证书（应为 PEM 或 DER）。</translation>
    </message>
    <message>
        <source>key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>The key file %1 is encrypted: it needs its passphrase.</source>
        <translation>私钥文件 %1 已加密：需要其口令。</translation>
    </message>
    <message>
        <source>The key file %1 does not open with this passphrase.</source>
        <translation>用此口令无法打开私钥文件 %1。</translation>
    </message>
    <message>
        <source>The key file %1 holds no private key (PEM expected).</source>
        <translation>私钥文件 %1 中没有私钥（应为 PEM）。</translation>
    </message>
    <message>
        <source>CA</source>
        <translation>CA </translation>
    </message>
    <message>
        <source>A TLS server needs a certificate file and its key file (or a generated throwaway certificate).</source>
        <translation>TLS 服务器需要证书文件及其私钥文件（或生成的一次性证书）。</translation>
    </message>
    <message>
        <source>A client certificate needs its key file too.</source>
        <translation>客户端证书还需要其私钥文件。</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>The key file %1 is not the key of the certificate in %2.</source>
        <translation>私钥文件 %1 不是 %2 中证书的私钥。</translation>
    </message>
    <message>
        <source>The %1 file %2 is not a regular file.</source>
        <translation>%1文件 %2 不是普通文件。</translation>
    </message>
</context>
<context>
    <name>sockscope::TlsHandshake</name>
    <message>
        <source>The connection had already carried bytes before TLS.</source>
        <translation>在 TLS 之前，该连接已传输过数据。</translation>
    </message>
    <message numerus="yes">
        <source>The peer sent nothing in %n second(s): it may be waiting for the server to speak first, as plaintext protocols do.</source>
        <translation>
            <numerusform>对方在 %n 秒内什么也没发送：它可能在等服务器先开口，明文协议常这样。</numerusform>
        </translation>
    </message>
    <message>
        <source>The peer reset the connection before the TLS handshake.</source>
        <translation>对方在 TLS 握手前重置了连接。</translation>
    </message>
    <message>
        <source>It sent &quot;%1&quot;.</source>
        <translation>它发送了“%1”。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted: %1</source>
        <translation>服务器的证书未被接受：%1</translation>
    </message>
    <message>
        <source>The client&apos;s certificate was not accepted: %1</source>
        <translation>客户端的证书未被接受：%1</translation>
    </message>
    <message>
        <source>The client sent no certificate, and this server requires one.</source>
        <translation>客户端没有发送证书，而本服务器要求提供。</translation>
    </message>
</context>
<context>
    <name>sockscope::TlsLink</name>
    <message>
        <source>closed by you</source>
        <translation>已主动关闭</translation>
    </message>
    <message>
        <source>the peer closed the connection</source>
        <translation>对端关闭了连接</translation>
    </message>
    <message numerus="yes">
        <source>closed by you; %n byte(s) queued for it were not sent</source>
        <translation>
            <numerusform>由你关闭；排队待发给它的 %n 字节未发送</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::TlsVerificationBar</name>
    <message>
        <source>Show certificate</source>
        <translation>查看证书</translation>
    </message>
    <message>
        <source>Connect anyway this time</source>
        <translation>本次仍然连接</translation>
    </message>
    <message>
        <source>Start once more accepting these errors (they are logged). The next start verifies again.</source>
        <translation>再启动一次并接受这些错误（会记入日志）。下次启动会重新验证。</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was refused, so no connection to it was made:</source>
        <translation>服务器的证书被拒绝，因此未建立连接：</translation>
    </message>
    <message>
        <source>No reason was given.</source>
        <translation>未给出原因。</translation>
    </message>
</context>
<context>
    <name>sockscope::UdpRelaySession</name>
    <message>
        <source>No server to relay to: give its host and port.</source>
        <translation>没有要中继到的服务器：请填写其主机和端口。</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <source>Cannot find the server %1: %2</source>
        <translation>找不到服务器 %1：%2</translation>
    </message>
    <message>
        <source>Cannot bind %1: %2</source>
        <translation>无法绑定 %1：%2</translation>
    </message>
    <message>
        <source>Bound to %1; relaying datagrams to %2</source>
        <translation>已绑定到 %1；将数据报中继到 %2</translation>
    </message>
    <message>
        <source>closed by you</source>
        <translation>已主动关闭</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>the limit of %n client(s) is reached</source>
        <translation>
            <numerusform>已达到 %n 个客户端的上限</numerusform>
        </translation>
    </message>
    <message>
        <source>New client; passing its datagrams to %1 from %2</source>
        <translation>新客户端；其数据报从 %2 转发到 %1</translation>
    </message>
    <message>
        <source>the hold is full</source>
        <translation>暂扣已满</translation>
    </message>
    <message numerus="yes">
        <source>Released %n held datagram(s).</source>
        <translation>
            <numerusform>已放行 %n 个暂扣的数据报。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n held datagram(s); they were not passed on.</source>
        <translation>
            <numerusform>已丢弃 %n 个暂扣的数据报；它们未被转发。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A datagram of %n byte(s) was lost: %1</source>
        <translation>
            <numerusform>一个 %n 字节的数据报丢失：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>A datagram was lost: %1</source>
        <translation>一个数据报丢失：%1</translation>
    </message>
    <message>
        <source>no datagram either way for %1 s</source>
        <translation>双向均已 %1 秒没有数据报</translation>
    </message>
    <message>
        <source>Choose where to send: the client side or the server side of a pair.</source>
        <translation>请选择发送到哪里：连接对的客户端一侧或服务器一侧。</translation>
    </message>
    <message>
        <source>A UDP datagram can carry at most %1 bytes; this message has %2 bytes.</source>
        <translation>一个 UDP 数据报最多携带 %1 字节；此消息有 %2 字节。</translation>
    </message>
    <message>
        <source>too many datagrams wait for the shaping</source>
        <translation>等待限速转发的数据报过多</translation>
    </message>
</context>
<context>
    <name>sockscope::UdpSession</name>
    <message>
        <source>Looking up %1…</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <source>Cannot bind %1: %2</source>
        <translation>无法绑定 %1：%2</translation>
    </message>
    <message>
        <source>Bound to %1</source>
        <translation>已绑定到 %1</translation>
    </message>
    <message>
        <source>sending to %1</source>
        <translation>发送到 %1</translation>
    </message>
    <message>
        <source>Socket closed.</source>
        <translation>套接字已关闭。</translation>
    </message>
    <message>
        <source>socket closed</source>
        <translation>套接字已关闭</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Unknown peer.</source>
        <translation>未知对端。</translation>
    </message>
    <message>
        <source>A UDP datagram can carry at most %1 bytes over %2; this message has %3 bytes. Split it, or use TCP.</source>
        <translation>UDP 数据报在 %2 上最多承载 %1 字节，此消息有 %3 字节。请拆分消息或改用 TCP。</translation>
    </message>
    <message>
        <source>Nothing to send: the message is empty.</source>
        <translation>没有可发送的内容：消息为空。</translation>
    </message>
    <message>
        <source>The UDP socket is not open.</source>
        <translation>UDP 套接字未打开。</translation>
    </message>
    <message>
        <source>No datagram has been received yet, so there is no sender to reply to.</source>
        <translation>尚未收到任何数据报，没有可回复的发送方。</translation>
    </message>
    <message>
        <source>No remote address is set.</source>
        <translation>未设置远程地址。</translation>
    </message>
    <message>
        <source>forgotten</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>Sending to the broadcast address %1 needs the Broadcast option.</source>
        <translation>发送到广播地址 %1 需要勾选“广播”选项。</translation>
    </message>
    <message numerus="yes">
        <source>forgotten: more than %n senders</source>
        <translation>
            <numerusform>已移除：发送方超过 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a multicast group address (IPv4: 224.0.0.0 to 239.255.255.255, IPv6: ff00::/8).</source>
        <translation>%1 不是组播组地址（IPv4：224.0.0.0 到 239.255.255.255，IPv6：ff00::/8）。</translation>
    </message>
    <message>
        <source>There is no network interface named %1.</source>
        <translation>没有名为 %1 的网络接口。</translation>
    </message>
    <message>
        <source>The IPv4 group %1 cannot be joined on a socket bound to %2. Bind to 0.0.0.0 (all IPv4 interfaces) to join it.</source>
        <translation>在绑定到 %2 的套接字上无法加入 IPv4 组 %1。请绑定到 0.0.0.0（所有 IPv4 接口）再加入。</translation>
    </message>
    <message>
        <source>The IPv6 group %1 cannot be joined on a socket bound to %2. Bind to :: to join it.</source>
        <translation>在绑定到 %2 的套接字上无法加入 IPv6 组 %1。请绑定到 :: 再加入。</translation>
    </message>
    <message>
        <source>Not joined: a socket bound to %1 never receives datagrams sent to the group %2 (they are addressed to the group). Bind to 0.0.0.0 (or ::) to receive multicast.</source>
        <translation>未加入：绑定到 %1 的套接字永远收不到发往组 %2 的数据报（它们的目标地址是组地址）。请绑定到 0.0.0.0（或 ::）以接收组播。</translation>
    </message>
    <message>
        <source>the default interface</source>
        <translation>默认接口</translation>
    </message>
    <message>
        <source>Rejoined multicast group %1 on %2 (joined before the socket was reopened).</source>
        <translation>已在 %2 上重新加入组播组 %1（套接字重新打开前已加入）。</translation>
    </message>
    <message>
        <source>Joined multicast group %1 on %2.</source>
        <translation>已在 %2 上加入组播组 %1。</translation>
    </message>
    <message>
        <source>Could not join multicast group %1 on %2: %3</source>
        <translation>无法在 %2 上加入组播组 %1：%3</translation>
    </message>
    <message>
        <source>Already joined multicast group %1 on %2.</source>
        <translation>已在 %2 上加入过组播组 %1。</translation>
    </message>
    <message>
        <source>Multicast group %1 on %2 will be joined when the socket opens.</source>
        <translation>将在套接字打开时在 %2 上加入组播组 %1。</translation>
    </message>
    <message>
        <source>Multicast group %1 not rejoined: %2</source>
        <translation>未重新加入组播组 %1：%2</translation>
    </message>
    <message>
        <source>Not a member of multicast group %1 on %2.</source>
        <translation>不是 %2 上组播组 %1 的成员。</translation>
    </message>
    <message>
        <source>Left multicast group %1 on %2.</source>
        <translation>已在 %2 上退出组播组 %1。</translation>
    </message>
    <message>
        <source>Could not leave multicast group %1 on %2: %3</source>
        <translation>无法在 %2 上退出组播组 %1：%3</translation>
    </message>
    <message>
        <source>Cannot read from %1: %2</source>
        <translation>无法从 %1 读取：%2</translation>
    </message>
    <message>
        <source>Receive failed: %1</source>
        <translation>接收失败：%1</translation>
    </message>
</context>
</TS>
