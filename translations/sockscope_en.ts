<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AutoReplyDialog</name>
    <message>
        <source>Auto-Reply Rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Rules are tried from top to bottom. Double-click a cell to edit it; invalid cells are red.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation></translation>
    </message>
    <message>
        <source>Add a new rule below the current one</source>
        <translation></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation></translation>
    </message>
    <message>
        <source>Insert a copy of the current rule below it</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove the selected rules (Del)</source>
        <translation></translation>
    </message>
    <message>
        <source>Move U&amp;p</source>
        <translation></translation>
    </message>
    <message>
        <source>Move the current rule up: it is tried earlier</source>
        <translation></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation></translation>
    </message>
    <message>
        <source>Move the current rule down: it is tried later</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation></translation>
    </message>
    <message>
        <source>Replace the rules with those of a JSON file (docs/auto-reply.md)</source>
        <translation></translation>
    </message>
    <message>
        <source>E&amp;xport JSON…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the rules and the rule set options to a JSON file</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation></translation>
    </message>
    <message>
        <source>Options that apply to all rules</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation></translation>
    </message>
    <message>
        <source>Decodes received frames for text and regex rules, and encodes text patterns and replies</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Match:</source>
        <translation></translation>
    </message>
    <message>
        <source>First match: only the first matching rule replies. All matches: every matching rule replies, in list order.</source>
        <translation></translation>
    </message>
    <message>
        <source>E&amp;cho:</source>
        <translation></translation>
    </message>
    <message>
        <source>Send received frames back unchanged: never, only when no rule matched, or always (before the rule replies)</source>
        <translation></translation>
    </message>
    <message>
        <source>Echo &amp;delay:</source>
        <translation></translation>
    </message>
    <message>
        <source>Delay before an echoed frame is sent, in milliseconds</source>
        <translation></translation>
    </message>
    <message>
        <source>Test</source>
        <translation></translation>
    </message>
    <message>
        <source>Try the rules as they are now on a sample frame</source>
        <translation></translation>
    </message>
    <message>
        <source>A received frame to try: text with escapes (\r \n \xNN \uXXXX) or hex bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>Sample frame, e.g. PING\r\n</source>
        <translation></translation>
    </message>
    <message>
        <source>Whether the sample frame is text (encoded in the rule set&apos;s encoding) or hex bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation></translation>
    </message>
    <message>
        <source>Show which rules match the sample frame and the exact reply bytes (Enter)</source>
        <translation></translation>
    </message>
    <message>
        <source>The result of the test: matching rules and the reply bytes in hex</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <source>Send</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation></translation>
    </message>
    <message>
        <source>Text mode: the characters are encoded with the selected encoding. Switching converts the content.</source>
        <translation></translation>
    </message>
    <message>
        <source>He&amp;x</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex mode: the content is hex digits such as &quot;48 65 6C&quot;. Switching converts the content.</source>
        <translation></translation>
    </message>
    <message>
        <source>Text encoding of the message (also used for text produced by dynamic fields)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Escapes</source>
        <translation></translation>
    </message>
    <message>
        <source>Understand escape sequences in text mode: \r \n \t \\ \0 \xNN (a raw byte) \uXXXX</source>
        <translation></translation>
    </message>
    <message>
        <source>Line ending appended after the content (in hex mode too)</source>
        <translation></translation>
    </message>
    <message>
        <source>Checksum appended last, computed over everything before it (line ending included)</source>
        <translation></translation>
    </message>
    <message>
        <source>Byte order of the checksum: big-endian (high byte first) or little-endian (MODBUS RTU)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Dynamic fields</source>
        <translation></translation>
    </message>
    <message>
        <source>Expand placeholders such as {{counter}}, {{time}}, {{random:4}} and {{len:u16be}} when sending</source>
        <translation></translation>
    </message>
    <message>
        <source>?</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the dynamic field syntax</source>
        <translation></translation>
    </message>
    <message>
        <source>The message to send. Ctrl+Return sends it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The exact bytes that will be sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Number of bytes that will be sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Notices about the message</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent messages and named quick-send presets</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent messages, most recent first. Click (or Space) loads one into the editor; double-click (or Enter) loads and sends it; Delete removes it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the selected history entry as a named preset</source>
        <translation></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove all history entries</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation></translation>
    </message>
    <message>
        <source>Named quick-send messages. Click (or Space) loads one into the editor; double-click (or Enter) loads and sends it; F2 renames; Delete removes it.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation></translation>
    </message>
    <message>
        <source>Add the message in the editor as a named preset</source>
        <translation></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation></translation>
    </message>
    <message>
        <source>Rename the selected preset (F2)</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete the selected preset (Delete)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation></translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation></translation>
    </message>
    <message>
        <source>Send the message repeatedly</source>
        <translation></translation>
    </message>
    <message>
        <source>Ever&amp;y</source>
        <translation></translation>
    </message>
    <message>
        <source>Periodic sending: interval between two sends</source>
        <translation></translation>
    </message>
    <message>
        <source>Interval between two periodic sends, in milliseconds</source>
        <translation></translation>
    </message>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
    <message>
        <source>Number of periodic sends (0 = until stopped)</source>
        <translation></translation>
    </message>
    <message>
        <source>× </source>
        <translation></translation>
    </message>
    <message>
        <source>× ∞</source>
        <translation></translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation></translation>
    </message>
    <message>
        <source>Start sending the message periodically</source>
        <translation></translation>
    </message>
    <message>
        <source>Send &amp;file…</source>
        <translation></translation>
    </message>
    <message>
        <source>Send the contents of a file</source>
        <translation></translation>
    </message>
    <message>
        <source>Progress of the file transfer</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop the file transfer</source>
        <translation></translation>
    </message>
    <message>
        <source>Se&amp;q…</source>
        <translation></translation>
    </message>
    <message>
        <source>Send sequence: edit and run a list of messages, each followed by its own delay</source>
        <translation></translation>
    </message>
    <message>
        <source>Send sequence</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SequenceDialog</name>
    <message>
        <source>Send Sequence</source>
        <translation></translation>
    </message>
    <message>
        <source>Messages sent in order, each followed by its delay. Add the message from the send editor, then edit the content and the delay in place.</source>
        <translation></translation>
    </message>
    <message>
        <source>The steps of the sequence, sent from top to bottom</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Add current message</source>
        <translation></translation>
    </message>
    <message>
        <source>Add the message of the send editor, with its options, after the selected step</source>
        <translation></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove the selected step (Delete)</source>
        <translation></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation></translation>
    </message>
    <message>
        <source>Send the selected step earlier</source>
        <translation></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation></translation>
    </message>
    <message>
        <source>Send the selected step later</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Loops:</source>
        <translation></translation>
    </message>
    <message>
        <source>How many times the whole sequence is sent</source>
        <translation></translation>
    </message>
    <message>
        <source>How many times the whole sequence is sent (0 = until stopped)</source>
        <translation></translation>
    </message>
    <message>
        <source>× </source>
        <translation></translation>
    </message>
    <message>
        <source>× ∞</source>
        <translation></translation>
    </message>
    <message>
        <source>Steps sent so far</source>
        <translation></translation>
    </message>
    <message>
        <source>The step last sent and the current loop</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation></translation>
    </message>
    <message>
        <source>How the last run ended, or what keeps the sequence from running</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>TlsFileCheck</name>
    <message>
        <source>%1 does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is too large for a PEM file.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (&quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (&quot;-----BEGIN … PRIVATE KEY-----&quot;).</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS needs a certificate and its key file: choose both, or generate a throwaway certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>A client certificate needs its key file, and a key its certificate.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::AutoReplyDialog</name>
    <message>
        <source>First match</source>
        <translation></translation>
    </message>
    <message>
        <source>All matches</source>
        <translation></translation>
    </message>
    <message>
        <source>Off</source>
        <translation></translation>
    </message>
    <message>
        <source>Echo unmatched</source>
        <translation></translation>
    </message>
    <message>
        <source>Echo everything</source>
        <translation></translation>
    </message>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
    <message>
        <source>Text</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation></translation>
    </message>
    <message>
        <source>Use these rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove Rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Fix the invalid rule first. %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation></translation>
    </message>
    <message>
        <source>Import Auto-Reply Rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Auto-reply rules (*.json);;All files (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation></translation>
    </message>
    <message>
        <source>The rules in %1 were not imported; the current rules are unchanged.

%2</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n more)</numerusform>
            <numerusform>(%n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported with Warnings</source>
        <translation></translation>
    </message>
    <message>
        <source>The rules were imported; these parts of the file were ignored:

%1</source>
        <translation></translation>
    </message>
    <message>
        <source>Export Auto-Reply Rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not save %1:

%2</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>(%n more invalid rule(s))</source>
        <translation>
            <numerusform>(%n more invalid rule)</numerusform>
            <numerusform>(%n more invalid rules)</numerusform>
        </translation>
    </message>
    <message>
        <source>No rules.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s), %1 enabled</source>
        <translation>
            <numerusform>%n rule, %1 enabled</numerusform>
            <numerusform>%n rules, %1 enabled</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a received frame above to see which rule answers it and the reply bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>Fix the invalid rule first.
%1</source>
        <translation></translation>
    </message>
    <message>
        <source>Sample frame, position %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Sample frame: %1</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Frame, %n byte(s): %1</source>
        <translation>
            <numerusform>Frame, %n byte: %1</numerusform>
            <numerusform>Frame, %n bytes: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation></translation>
    </message>
    <message>
        <source>rule %1 “%2”</source>
        <translation></translation>
    </message>
    <message>
        <source>No rule matches.</source>
        <translation></translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing is sent back.</source>
        <translation></translation>
    </message>
    <message>
        <source>echo</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Reply from %1 after %2 ms, %n byte(s):</source>
        <translation>
            <numerusform>Reply from %1 after %2 ms, %n byte:</numerusform>
            <numerusform>Reply from %1 after %2 ms, %n bytes:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::AutoReplyModel</name>
    <message>
        <source>Exact text</source>
        <translation></translation>
    </message>
    <message>
        <source>Exact hex</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex pattern</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex pattern, anywhere</source>
        <translation></translation>
    </message>
    <message>
        <source>Contains text</source>
        <translation></translation>
    </message>
    <message>
        <source>Contains text, any case</source>
        <translation></translation>
    </message>
    <message>
        <source>Regex</source>
        <translation></translation>
    </message>
    <message>
        <source>Regex, any case</source>
        <translation></translation>
    </message>
    <message>
        <source>The frame equals the pattern: text with escapes (\r \n \xNN \uXXXX), encoded in the rule set&apos;s encoding.</source>
        <translation></translation>
    </message>
    <message>
        <source>The frame equals the pattern bytes, written in hex (&quot;48 65 6C&quot;).</source>
        <translation></translation>
    </message>
    <message>
        <source>The whole frame matches the hex pattern; ?? stands for any one byte (&quot;AA ?? ?? 55&quot;).</source>
        <translation></translation>
    </message>
    <message>
        <source>The hex pattern occurs anywhere in the frame; ?? stands for any one byte.</source>
        <translation></translation>
    </message>
    <message>
        <source>The decoded frame text contains the pattern text (case-sensitive).</source>
        <translation></translation>
    </message>
    <message>
        <source>The decoded frame text contains the pattern text, ignoring case.</source>
        <translation></translation>
    </message>
    <message>
        <source>A regular expression (PCRE) found in the decoded frame text; ${1} or ${name} in the reply inserts a captured group.</source>
        <translation></translation>
    </message>
    <message>
        <source>A regular expression found in the decoded frame text, ignoring case; ${1} or ${name} in the reply inserts a captured group.</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation></translation>
    </message>
    <message>
        <source>Text</source>
        <translation></translation>
    </message>
    <message>
        <source>Enabled: this rule answers matching frames.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disabled: this rule is skipped (but still checked).</source>
        <translation></translation>
    </message>
    <message>
        <source>No name: the log shows the reply as coming from “Rule %1”.</source>
        <translation></translation>
    </message>
    <message>
        <source>Text with escapes (\r \n \t \xNN \uXXXX), encoded in %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Text with escapes (\r \n \t \uXXXX; \xNN below \x80 only), compared with the frame decoded from %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex bytes, e.g. &quot;01 03 00 2A&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex bytes with ?? for any byte, e.g. &quot;AA ?? ?? 55&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>PCRE regular expression, searched in the frame decoded from %1; use ^ and $ to match the whole frame.</source>
        <translation></translation>
    </message>
    <message>
        <source>The reply is written as hex bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>The reply is text with escapes, encoded in %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>No reply: matching frames are answered with nothing (and not echoed).</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex bytes, e.g. &quot;01 03 02 00 2A&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>${1} or ${name} inserts a captured group; write \u0024{ for a literal ${.</source>
        <translation></translation>
    </message>
    <message>
        <source>Wait this long before sending the reply (0 to %1 ms).</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation></translation>
    </message>
    <message>
        <source>(no reply)</source>
        <translation></translation>
    </message>
    <message>
        <source>On</source>
        <translation></translation>
    </message>
    <message>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <source>Match type</source>
        <translation></translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation></translation>
    </message>
    <message>
        <source>Reply as</source>
        <translation></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation></translation>
    </message>
    <message>
        <source>Delay ms</source>
        <translation></translation>
    </message>
    <message>
        <source>Only enabled rules answer frames; disabled rules are still checked.</source>
        <translation></translation>
    </message>
    <message>
        <source>Shown in the log as the source of the reply.</source>
        <translation></translation>
    </message>
    <message>
        <source>How the pattern is compared with a received frame.</source>
        <translation></translation>
    </message>
    <message>
        <source>What a received frame must match.</source>
        <translation></translation>
    </message>
    <message>
        <source>Whether the reply is written as text (with escapes) or as hex bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>The bytes sent back; empty sends nothing and suppresses the echo.</source>
        <translation></translation>
    </message>
    <message>
        <source>Delay before the reply is sent, in milliseconds.</source>
        <translation></translation>
    </message>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::AutoReplyRules</name>
    <message>
        <source>character %1 cannot be encoded in %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule %1 “%2”</source>
        <translation></translation>
    </message>
    <message>
        <source>position %1</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;${&quot; without a closing &quot;}&quot; (write a literal &quot;$&quot; as \u0024)</source>
        <translation></translation>
    </message>
    <message>
        <source>the pattern has no group named &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>placeholders are ${0} to ${99} or ${name}</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>the pattern has no group %1 (it has %n group(s))</source>
        <translation>
            <numerusform>the pattern has no group %1 (it has %n group)</numerusform>
            <numerusform>the pattern has no group %1 (it has %n groups)</numerusform>
        </translation>
    </message>
    <message>
        <source>more than %1 placeholders</source>
        <translation></translation>
    </message>
    <message>
        <source>the pattern is empty</source>
        <translation></translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation></translation>
    </message>
    <message>
        <source>must be between 0 and %1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>a byte above \x7F is not a character: use a hex pattern to match raw bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 rules: at most %2 are allowed</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule %1: unknown field &quot;%2&quot; ignored</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; ignored</source>
        <translation></translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation></translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>not an auto-reply rule file: the top level must be an object</source>
        <translation></translation>
    </message>
    <message>
        <source>not an auto-reply rule file (expected &quot;%1&quot;)</source>
        <translation></translation>
    </message>
    <message>
        <source>version %1 is not supported (this build reads version %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown encoding &quot;%1&quot; (use UTF-8, GBK or Latin-1)</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation></translation>
    </message>
    <message>
        <source>each rule must be an object</source>
        <translation></translation>
    </message>
    <message>
        <source>SockScope sets the match limit itself: remove (*LIMIT_MATCH=…)</source>
        <translation></translation>
    </message>
    <message>
        <source>a repeated group holds a repeat, as in (a+)+: a frame can make this take exponential time. Make the inner repeat possessive (a++) or the group atomic ((?&gt;…))</source>
        <translation></translation>
    </message>
    <message>
        <source>Auto-reply rule “%1” skipped: its pattern needed more than %2 backtracking steps for a %3-byte frame (repeats that overlap, such as (a|a)+, do that). Simplify the pattern.</source>
        <translation></translation>
    </message>
    <message>
        <source>Frames skipped in this read: %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Auto-reply rule “%1” skipped: regex matching took more than %2 ms in one read (frames skipped: %3).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::CertificateDialog</name>
    <message>
        <source>Certificates</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate the server showed, which was refused:</source>
        <translation></translation>
    </message>
    <message>
        <source>Refused by verification</source>
        <translation></translation>
    </message>
    <message>
        <source>It showed none.</source>
        <translation></translation>
    </message>
    <message>
        <source>Why</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s handshake and certificates, then our own.</source>
        <translation></translation>
    </message>
    <message>
        <source>The selected peer&apos;s handshake and certificates, then our own.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to a server yet. Our own certificate:</source>
        <translation></translation>
    </message>
    <message>
        <source>Select a peer to see its certificates. Our own:</source>
        <translation></translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation></translation>
    </message>
    <message>
        <source>It showed no certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client %1 ↔ relay</source>
        <translation></translation>
    </message>
    <message>
        <source>The client showed no certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay ↔ server %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The server showed no certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay ↔ server</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected to the server (yet).</source>
        <translation></translation>
    </message>
    <message>
        <source>Our certificate (shown to peers)</source>
        <translation></translation>
    </message>
    <message>
        <source>This session shows no certificate of its own.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::CertificatePanel</name>
    <message>
        <source>(none)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy everything shown here as plain text.</source>
        <translation></translation>
    </message>
    <message>
        <source>Plain connection: no TLS.</source>
        <translation></translation>
    </message>
    <message>
        <source>Protocol: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cipher: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>ALPN: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>(none agreed)</source>
        <translation></translation>
    </message>
    <message>
        <source>Verification errors accepted: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>no errors</source>
        <translation></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation></translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation></translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation></translation>
    </message>
    <message>
        <source>Verification errors accepted</source>
        <translation></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate %1 (its own)</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate %1 (issuer of %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation></translation>
    </message>
    <message>
        <source>Validity</source>
        <translation></translation>
    </message>
    <message>
        <source>DNS names</source>
        <translation></translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation></translation>
    </message>
    <message>
        <source>Self-signed</source>
        <translation></translation>
    </message>
    <message>
        <source>yes</source>
        <translation></translation>
    </message>
    <message>
        <source>no</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::Checksum</name>
    <message>
        <source>None</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::ConnectionBar</name>
    <message>
        <source>0.0.0.0 (all IPv4 interfaces)</source>
        <translation></translation>
    </message>
    <message>
        <source>:: (all interfaces, IPv6 and IPv4)</source>
        <translation></translation>
    </message>
    <message>
        <source>127.0.0.1 (this machine only)</source>
        <translation></translation>
    </message>
    <message>
        <source>::1 (this machine only, IPv6)</source>
        <translation></translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Listen on</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation></translation>
    </message>
    <message>
        <source>The address to listen on. 0.0.0.0 accepts connections from every network; 127.0.0.1 only from this machine.</source>
        <translation></translation>
    </message>
    <message>
        <source>The TCP port to listen on (0: any free port).</source>
        <translation></translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation></translation>
    </message>
    <message>
        <source>Local address for the UDP socket.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Remote</source>
        <translation></translation>
    </message>
    <message>
        <source>The server to connect to: a host name, IPv4 or IPv6 address.</source>
        <translation></translation>
    </message>
    <message>
        <source>Default target for datagrams (optional).</source>
        <translation></translation>
    </message>
    <message>
        <source>The remote port.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation></translation>
    </message>
    <message>
        <source>Options</source>
        <translation></translation>
    </message>
    <message>
        <source>Show connection options</source>
        <translation></translation>
    </message>
    <message>
        <source>Connections beyond this number are refused and logged.</source>
        <translation></translation>
    </message>
    <message>
        <source>Max clients</source>
        <translation></translation>
    </message>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
    <message>
        <source>Give up connecting after this long.</source>
        <translation></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation></translation>
    </message>
    <message>
        <source>Auto-reconnect</source>
        <translation></translation>
    </message>
    <message>
        <source>Reconnect after a failure or a close by the server, waiting longer each time (up to 30 s).</source>
        <translation></translation>
    </message>
    <message>
        <source>Local port</source>
        <translation></translation>
    </message>
    <message>
        <source>Bind this local port before connecting (0: automatic).</source>
        <translation></translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation></translation>
    </message>
    <message>
        <source>Reply to last sender</source>
        <translation></translation>
    </message>
    <message>
        <source>Send to whoever sent the last datagram instead of the remote address.</source>
        <translation></translation>
    </message>
    <message>
        <source>e.g. 239.1.2.3</source>
        <translation></translation>
    </message>
    <message>
        <source>Multicast group to join when the socket opens.</source>
        <translation></translation>
    </message>
    <message>
        <source>Multicast group</source>
        <translation></translation>
    </message>
    <message>
        <source>Join</source>
        <translation></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local IP address.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a multicast group address.</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation></translation>
    </message>
    <message>
        <source>Close</source>
        <translation></translation>
    </message>
    <message>
        <source>Open</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop this session</source>
        <translation></translation>
    </message>
    <message>
        <source>Start this session</source>
        <translation></translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Local address</source>
        <translation></translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation></translation>
    </message>
    <message>
        <source>[::] (all interfaces, IPv6 only)</source>
        <translation></translation>
    </message>
    <message>
        <source>any</source>
        <translation></translation>
    </message>
    <message>
        <source>Local UDP port (any: a free port, shown below and in the tab&apos;s title once the socket is open).</source>
        <translation></translation>
    </message>
    <message>
        <source>Allow sending to broadcast addresses such as 255.255.255.255. Applies at once, also while open.</source>
        <translation></translation>
    </message>
    <message>
        <source>The network interface to join the group on. Choose the one the group&apos;s datagrams arrive on.</source>
        <translation></translation>
    </message>
    <message>
        <source>Default interface</source>
        <translation></translation>
    </message>
    <message>
        <source>The address the device (the client) connects to instead of its server.</source>
        <translation></translation>
    </message>
    <message>
        <source>The port the device connects to (0: any free port).</source>
        <translation></translation>
    </message>
    <message>
        <source>The real server: every client is passed on to it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The real server&apos;s port.</source>
        <translation></translation>
    </message>
    <message>
        <source>→ &amp;Server</source>
        <translation></translation>
    </message>
    <message>
        <source>TCP</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP</source>
        <translation></translation>
    </message>
    <message>
        <source>TCP: each client connection gets its own connection to the server. UDP: each client address gets its own socket towards the server (like a NAT).</source>
        <translation></translation>
    </message>
    <message>
        <source>Give up connecting to the server after this long; the client is then closed with the reason (TCP only).</source>
        <translation></translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation></translation>
    </message>
    <message>
        <source>Clients beyond this number are refused and logged.</source>
        <translation></translation>
    </message>
    <message>
        <source>Start</source>
        <translation></translation>
    </message>
    <message>
        <source>Not relaying</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificates…</source>
        <translation></translation>
    </message>
    <message>
        <source>The handshake and certificate chain of the selected peer (the server, for a client), and our own certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation></translation>
    </message>
    <message>
        <source>Accept TLS connections (certificate in TLS…); the log shows the decrypted data.</source>
        <translation></translation>
    </message>
    <message>
        <source>Connect with TLS, verifying the server (TLS…); the log shows the decrypted data.</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS…</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate, key and client certificates for TLS.</source>
        <translation></translation>
    </message>
    <message>
        <source>How the server is verified (CA file, server name), ALPN and a client certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS on both sides: towards clients (terminated with our certificate) and towards the upstream server.</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS towards clients (terminated with our certificate); plain towards the upstream server.</source>
        <translation></translation>
    </message>
    <message>
        <source>Plain towards clients; TLS towards the upstream server.</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS is off on both sides. Click to choose: towards clients, towards the upstream server, or both.</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS applies to a TCP relay.</source>
        <translation></translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation></translation>
    </message>
    <message>
        <source>The key file %1 is encrypted. Its passphrase (used for this start only, never saved):</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS</source>
        <translation></translation>
    </message>
    <message>
        <source>Datagrams over DTLS: as a server with our certificate, or as a client of the remote target (DTLS…); the log shows the decrypted data.</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS…</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS server: our certificate, and what clients must show.</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS client of the remote target: how the server is verified, and a client certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Plain UDP only: not with DTLS.</source>
        <translation></translation>
    </message>
    <message>
        <source>A DTLS client needs the remote target: the DTLS server&apos;s address and port (or make this tab a DTLS server in DTLS…).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::DtlsAssociation</name>
    <message>
        <source>The client sent no certificate, and this server requires one.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The client&apos;s certificate was not accepted: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>A DTLS record that did not decrypt was ignored (%1).</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>A datagram that is not DTLS was ignored (%n byte(s)).</source>
        <translation>
            <numerusform>A datagram that is not DTLS was ignored (%n byte).</numerusform>
            <numerusform>A datagram that is not DTLS was ignored (%n bytes).</numerusform>
        </translation>
    </message>
    <message>
        <source>The DTLS handshake has not finished.</source>
        <translation></translation>
    </message>
    <message>
        <source>A DTLS datagram carries at most %1 bytes; this message has %2 bytes. Split it.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::DtlsSession</name>
    <message>
        <source>DTLS cannot start: a DTLS client needs the server&apos;s address and port; a DTLS server needs a certificate and its key (or a generated one).</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS cannot start: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS certificate generated for this run: %1, SHA-256 %2</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS certificate: %1, SHA-256 %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot bind %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS server bound to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS handshake with %1 from %2…</source>
        <translation></translation>
    </message>
    <message>
        <source>The server name %1 is checked against the server&apos;s certificate but not sent (Qt&apos;s DTLS sends no SNI).</source>
        <translation></translation>
    </message>
    <message>
        <source>it is not from the DTLS server %1.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>it is not DTLS (%n byte(s)); this port speaks DTLS only.</source>
        <translation>
            <numerusform>it is not DTLS (%n byte); this port speaks DTLS only.</numerusform>
            <numerusform>it is not DTLS (%n bytes); this port speaks DTLS only.</numerusform>
        </translation>
    </message>
    <message>
        <source>the client started a new DTLS session</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n DTLS client(s) are handshaking already (the limit).</source>
        <translation>
            <numerusform>%n DTLS client are handshaking already (the limit).</numerusform>
            <numerusform>%n DTLS clients are handshaking already (the limit).</numerusform>
        </translation>
    </message>
    <message>
        <source>DTLS handshake with %1…</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>forgotten: more than %n DTLS client(s)</source>
        <translation>
            <numerusform>forgotten: more than %n DTLS client</numerusform>
            <numerusform>forgotten: more than %n DTLS clients</numerusform>
        </translation>
    </message>
    <message>
        <source>the peer ended the DTLS session</source>
        <translation></translation>
    </message>
    <message>
        <source>The server ended the DTLS session.</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS session with %1 from %2</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS handshake finished: %1, %2</source>
        <translation></translation>
    </message>
    <message>
        <source>; peer certificate %1 (SHA-256 %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>Accepted despite a failed verification (insecure): %1</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS handshake with %1 failed: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Ignored a datagram from %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Socket closed.</source>
        <translation></translation>
    </message>
    <message>
        <source>socket closed</source>
        <translation></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS session closed</source>
        <translation></translation>
    </message>
    <message>
        <source>The UDP socket is not open.</source>
        <translation></translation>
    </message>
    <message>
        <source>No DTLS client has finished its handshake yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>The DTLS handshake with %1 has not finished yet.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::DynamicFields</name>
    <message>
        <source>empty option</source>
        <translation></translation>
    </message>
    <message>
        <source>more than one format given</source>
        <translation></translation>
    </message>
    <message>
        <source>width must be a number from 1 to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>width applies to dec and hex only; a binary field always takes its size in bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 needs a whole number</source>
        <translation></translation>
    </message>
    <message>
        <source>adjust needs a whole number such as -2</source>
        <translation></translation>
    </message>
    <message>
        <source>random takes a byte count from 1 to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>more than one time style given</source>
        <translation></translation>
    </message>
    <message>
        <source>a binary time needs u32 or u64</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown time option &quot;%1&quot;: use unix, unixms, iso, a binary format such as u32be, or a pattern such as HH:mm:ss.zzz</source>
        <translation></translation>
    </message>
    <message>
        <source>iso takes no other options</source>
        <translation></translation>
    </message>
    <message>
        <source>width applies to dec and hex only</source>
        <translation></translation>
    </message>
    <message>
        <source>expected &apos;:&apos; or &apos;}}&apos; after the field name &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;: the fields are counter, time, random and len (write {{{{ for a literal {{)</source>
        <translation></translation>
    </message>
    <message>
        <source>a backslash cannot escape a brace: write \\ for a backslash, or {{{{ for a literal {{</source>
        <translation></translation>
    </message>
    <message>
        <source>the field is not closed with }} (write {{{{ for a literal {{)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::Escapes</name>
    <message>
        <source>lone backslash at the end; write \\ for a backslash</source>
        <translation></translation>
    </message>
    <message>
        <source>\x needs two hex digits</source>
        <translation></translation>
    </message>
    <message>
        <source>\u needs four hex digits</source>
        <translation></translation>
    </message>
    <message>
        <source>\u%1 is a lone low surrogate</source>
        <translation></translation>
    </message>
    <message>
        <source>\u%1 is a high surrogate and must be followed by a low surrogate \uDC00-\uDFFF</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown escape \%1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::FileSender</name>
    <message>
        <source>The session was closed during the transfer.</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP does not guarantee delivery: datagrams may be lost, duplicated or reordered without notice, so the receiver may not have all of the file.</source>
        <translation></translation>
    </message>
    <message>
        <source>A file is already being sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no session to send through.</source>
        <translation></translation>
    </message>
    <message>
        <source>The datagram size must be between 1 and %1 bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>The send rate cannot be negative.</source>
        <translation></translation>
    </message>
    <message>
        <source>The UDP socket is not open.</source>
        <translation></translation>
    </message>
    <message>
        <source>That peer is not known any more.</source>
        <translation></translation>
    </message>
    <message>
        <source>The chunk size and the high-water mark must be positive.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>No client is connected.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n clients are connected: choose the one to send the file to.</source>
        <translation>
            <numerusform>%n client is connected: choose it to send the file to.</numerusform>
            <numerusform>%n clients are connected: choose the one to send the file to.</numerusform>
        </translation>
    </message>
    <message>
        <source>That peer is not connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>No file was chosen.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot read %1: the file does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot send %1: it is a folder, not a file.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot send %1: it is not a regular file.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to send.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>the peer</source>
        <translation></translation>
    </message>
    <message>
        <source>Reading %1 failed after %2 bytes: %3</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 ended after %2 bytes; it had %3 bytes when the transfer began.</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending to %1 failed after %2 of %3 bytes: %4</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent %1 (%2 bytes) to %3.</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending datagram %1 failed after %2 of %3 bytes: %4</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 (%2 bytes) as %n datagram(s).</source>
        <translation>
            <numerusform>Sent %1 (%2 bytes) as %n datagram.</numerusform>
            <numerusform>Sent %1 (%2 bytes) as %n datagrams.</numerusform>
        </translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 went away after %2 of %3 bytes (%4).</source>
        <translation></translation>
    </message>
    <message>
        <source>The UDP socket was closed after %1 of %2 bytes.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::FramingSelector</name>
    <message>
        <source>&amp;Framing</source>
        <translation></translation>
    </message>
    <message>
        <source>Raw chunks (as received)</source>
        <translation></translation>
    </message>
    <message>
        <source>Lines (\n or \r\n)</source>
        <translation></translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation></translation>
    </message>
    <message>
        <source>Fixed length</source>
        <translation></translation>
    </message>
    <message>
        <source>Length prefix</source>
        <translation></translation>
    </message>
    <message>
        <source>Idle gap</source>
        <translation></translation>
    </message>
    <message>
        <source>How received bytes are cut into messages. TCP is a stream: one send() on the other side may arrive in pieces or glued to the next (&quot;sticky packets&quot;). Framing makes each message one log row.</source>
        <translation></translation>
    </message>
    <message>
        <source>hex, e.g. 0D 0A</source>
        <translation></translation>
    </message>
    <message>
        <source>The bytes that end a message, in hex.</source>
        <translation></translation>
    </message>
    <message>
        <source>Keep delimiter</source>
        <translation></translation>
    </message>
    <message>
        <source> bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>1-byte length</source>
        <translation></translation>
    </message>
    <message>
        <source>2-byte length</source>
        <translation></translation>
    </message>
    <message>
        <source>4-byte length</source>
        <translation></translation>
    </message>
    <message>
        <source>big-endian</source>
        <translation></translation>
    </message>
    <message>
        <source>little-endian</source>
        <translation></translation>
    </message>
    <message>
        <source>Length counts header</source>
        <translation></translation>
    </message>
    <message>
        <source>offset </source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes before the length field (e.g. a 2-byte magic).</source>
        <translation></translation>
    </message>
    <message>
        <source>adjust </source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes the length does not count, e.g. +2 for a trailing CRC.</source>
        <translation></translation>
    </message>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
    <message>
        <source>A message ends after this much silence.</source>
        <translation></translation>
    </message>
    <message>
        <source> KiB</source>
        <translation></translation>
    </message>
    <message>
        <source>max </source>
        <translation></translation>
    </message>
    <message>
        <source>Longest message kept in one piece; longer ones are cut and marked, so memory never grows without bound.</source>
        <translation></translation>
    </message>
    <message>
        <source>Delimiter, column %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::FramingSpec</name>
    <message>
        <source>%1 MiB</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>max: maximum frame size must be 1..%1</source>
        <translation></translation>
    </message>
    <message>
        <source>delim: delimiter must be 1..%1 bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>fixed: length must be 1..%1</source>
        <translation></translation>
    </message>
    <message>
        <source>len: length field must be 1, 2 or 4 bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>len: offset must be 0..%1</source>
        <translation></translation>
    </message>
    <message>
        <source>len: adjustment must be -%1..%1</source>
        <translation></translation>
    </message>
    <message>
        <source>len: maximum frame size must be at least the header size (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>gap: idle time must be 1..%1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>framing is empty; expected raw, line, delim:HEX, fixed:N, len:1|2|4[:be|le] or gap:MS</source>
        <translation></translation>
    </message>
    <message>
        <source>delim: expected hex bytes such as delim:0D0A</source>
        <translation></translation>
    </message>
    <message>
        <source>fixed: expected a length such as fixed:16</source>
        <translation></translation>
    </message>
    <message>
        <source>len: expected the length field size such as len:2</source>
        <translation></translation>
    </message>
    <message>
        <source>gap: expected an idle time in ms such as gap:50</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown framing &apos;%1&apos;; expected raw, line, delim:HEX, fixed:N, len:1|2|4[:be|le] or gap:MS</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: unknown option &apos;%2&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: option &apos;%2&apos; does not apply</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: bad value in &apos;%2&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>Raw (each read as received)</source>
        <translation></translation>
    </message>
    <message>
        <source>Lines (LF or CR LF, kept)</source>
        <translation></translation>
    </message>
    <message>
        <source>Lines (LF or CR LF)</source>
        <translation></translation>
    </message>
    <message>
        <source>Delimiter %1 (kept)</source>
        <translation></translation>
    </message>
    <message>
        <source>Delimiter %1 (stripped)</source>
        <translation></translation>
    </message>
    <message>
        <source>, trailing CR trimmed</source>
        <translation></translation>
    </message>
    <message>
        <source>Fixed length %1</source>
        <translation></translation>
    </message>
    <message>
        <source> big-endian</source>
        <translation></translation>
    </message>
    <message>
        <source> little-endian</source>
        <translation></translation>
    </message>
    <message>
        <source>Length prefix, %1-byte%2</source>
        <translation></translation>
    </message>
    <message>
        <source> at offset %1</source>
        <translation></translation>
    </message>
    <message>
        <source>, counts whole frame</source>
        <translation></translation>
    </message>
    <message>
        <source>, counts bytes after it</source>
        <translation></translation>
    </message>
    <message>
        <source>, %1 extra</source>
        <translation></translation>
    </message>
    <message>
        <source>, adjusted by %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Idle gap %1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>, max frame %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: the byte order is given twice</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is given twice</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::HeadlessRunner</name>
    <message>
        <source>Cannot build the message: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot read the rules file %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Rules file %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot read %1: the file does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot send %1: it is a folder, not a file.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot send %1: it is not a regular file.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to send.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot read the rules file %1: it is not a regular file.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::Hex</name>
    <message>
        <source>&quot;%1&quot; must be followed by hex digits</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a hex digit</source>
        <translation></translation>
    </message>
    <message>
        <source>odd number of hex digits (%1) in &quot;%2&quot;: each byte needs two digits</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::HexDumpView</name>
    <message>
        <source>Copy as Hex</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy as Text</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy as C Array</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy Hex Dump</source>
        <translation></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::LaunchOptions</name>
    <message>
        <source>Run without a window; log to stdout.</source>
        <translation></translation>
    </message>
    <message>
        <source>Window: listen/connect right away.</source>
        <translation></translation>
    </message>
    <message>
        <source>Server/UDP: local port (0 = any). Client: the server&apos;s port.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client: server host name or address.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client: local port to bind.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client: reconnect automatically.</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP: default target host:port.</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP: allow broadcast.</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP: join a multicast group.</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP: send to whoever sent the last datagram.</source>
        <translation></translation>
    </message>
    <message>
        <source>Display/send encoding: utf-8, gbk, latin1 or hex.</source>
        <translation></translation>
    </message>
    <message>
        <source>Receive framing: raw, line, delim:HEX, fixed:N, len:1|2|4[:be|le], gap:MS.</source>
        <translation></translation>
    </message>
    <message>
        <source>Send every received frame back.</source>
        <translation></translation>
    </message>
    <message>
        <source>Server: client limit.</source>
        <translation></translation>
    </message>
    <message>
        <source>Write a JSON report when done.</source>
        <translation></translation>
    </message>
    <message>
        <source>Send this text.</source>
        <translation></translation>
    </message>
    <message>
        <source>Send these hex bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>Send this file&apos;s bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>Interpret \r \n \t \xNN \uXXXX escapes in --send.</source>
        <translation></translation>
    </message>
    <message>
        <source>Append a checksum: sum8, xor8, crc8, crc16-modbus, crc16-ccitt-false, crc16-xmodem, crc32.</source>
        <translation></translation>
    </message>
    <message>
        <source>Repeat the send every ms.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client: ms to wait for replies after the last send.</source>
        <translation></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>--bind needs an IP address, not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>--port needs a number from %1 to 65535, not &quot;%2&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>--local-port needs a number from 0 to 65535.</source>
        <translation></translation>
    </message>
    <message>
        <source>--timeout needs a number of milliseconds.</source>
        <translation></translation>
    </message>
    <message>
        <source>--remote needs host:port (e.g. 127.0.0.1:8888 or [::1]:8888), not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>--join needs a multicast group address (224.0.0.0/4 or ff00::/8), not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>--encoding must be utf-8, gbk, latin1 or hex, not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>--framing: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>--max-clients needs a positive number.</source>
        <translation></translation>
    </message>
    <message>
        <source>Use only one of --send, --send-hex and --send-file.</source>
        <translation></translation>
    </message>
    <message>
        <source>--checksum: unknown kind &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>--interval needs a positive number of milliseconds.</source>
        <translation></translation>
    </message>
    <message>
        <source>--count needs a number (0 = forever).</source>
        <translation></translation>
    </message>
    <message>
        <source>--linger needs a number of milliseconds.</source>
        <translation></translation>
    </message>
    <message>
        <source>tcp-client needs --host and --port.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 needs --port (0 for any free port).</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending over UDP needs --remote host:port.</source>
        <translation></translation>
    </message>
    <message>
        <source>--send-file cannot be repeated with --interval.</source>
        <translation></translation>
    </message>
    <message>
        <source>--send needs a non-empty message.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 is given more than once.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 does not apply to %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 applies only with --headless.</source>
        <translation></translation>
    </message>
    <message>
        <source>--escapes applies only to --send.</source>
        <translation></translation>
    </message>
    <message>
        <source>--checksum applies only to --send and --send-hex.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 needs a message to send (--send, --send-hex or --send-file).</source>
        <translation></translation>
    </message>
    <message>
        <source>--count does not apply to --send-file.</source>
        <translation></translation>
    </message>
    <message>
        <source>Local address (server/UDP: where to listen, :: for every IPv6 and IPv4 address, [::] for IPv6 only; client: local bind).</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop after this many seconds (above 0, at most 365 days).</source>
        <translation></translation>
    </message>
    <message>
        <source>How many times to send: back to back, or one every --interval (0 = forever, with --interval only).</source>
        <translation></translation>
    </message>
    <message>
        <source>--framing: the maximum frame size (%1) is below the fixed length (%2): every frame would be cut.</source>
        <translation></translation>
    </message>
    <message>
        <source>--rules needs a file name.</source>
        <translation></translation>
    </message>
    <message>
        <source>--report needs a file name.</source>
        <translation></translation>
    </message>
    <message>
        <source>--duration needs a number of seconds above 0 and at most %1 (365 days), not &quot;%2&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>--count 0 (forever) needs --interval MS.</source>
        <translation></translation>
    </message>
    <message>
        <source>--remote %1 cannot be reached from --bind %2: they are of different IP versions.</source>
        <translation></translation>
    </message>
    <message>
        <source>tcp-server, tcp-client, udp or relay.</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay: the server to pass each client on to.</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay: tcp (the default) or udp.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client, relay: connect timeout in ms.</source>
        <translation></translation>
    </message>
    <message>
        <source>--upstream needs host:port (e.g. 127.0.0.1:8883 or [::1]:8883), not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>--transport must be tcp or udp, not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>relay needs --upstream host:port (the server to pass clients on to).</source>
        <translation></translation>
    </message>
    <message>
        <source>SockScope network debugging assistant: TCP server, TCP client, UDP peer and relay.
Without --headless the window opens, configured by the same options.</source>
        <translation></translation>
    </message>
    <message>
        <source>--mode must be tcp-server, tcp-client, udp or relay, not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>--headless needs --mode tcp-server, tcp-client, udp or relay.</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay: framing of the server→client direction (default: as --framing, which then frames client→server only).</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay: pass client→server bytes on this many ms late.</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay: pass server→client bytes on this many ms late.</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay: pass client→server bytes on at most this fast.</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay: pass server→client bytes on at most this fast.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 needs a number of milliseconds up to %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 needs a positive number of bytes per second.</source>
        <translation></translation>
    </message>
    <message>
        <source>--s2c-framing: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Auto-reply rules (JSON file); for a relay, rewrite rules.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 needs a file name.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1: %2 does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1: %2 is not a readable file.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client, server: TLS on the connection.</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay: TLS towards clients (terminated here, with --cert/--key or --gen-cert).</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay: TLS towards the server (with --ca, --insecure, --sni, --alpn, --client-cert).</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS: our certificate (PEM; a server&apos;s, or a client&apos;s own).</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS: the private key of --cert (PEM).</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS server: a throwaway self-signed certificate for this run (localhost, 127.0.0.1, ::1); prints its SHA-256 fingerprint.</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS: trust these certificates (client: for the server, instead of the system&apos;s; server: verify client certificates against them).</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS client: go on despite verification errors (they are logged).</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS client: the server name to send and check (default: the host).</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS: application protocols to offer, comma-separated (h2,http/1.1).</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS client: our certificate for mutual TLS (PEM).</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS client: the key of --client-cert.</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS server: refuse clients without a valid certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>--tls does not apply to a relay: use --tls-listen (towards clients) and/or --tls-upstream (towards the server).</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 applies only to --mode relay.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 needs a TCP relay (TLS runs over TCP).</source>
        <translation></translation>
    </message>
    <message>
        <source>--alpn needs protocol names of 1 to 255 bytes, not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>The key file is encrypted: give its passphrase in the environment variable %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 needs --tls-listen or --tls-upstream.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 needs --tls.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 applies to a TLS server, not a client.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 applies to a TLS client, not a server.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 is for the relay&apos;s side towards clients: it needs --tls-listen.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 is for the relay&apos;s side towards the server: it needs --tls-upstream.</source>
        <translation></translation>
    </message>
    <message>
        <source>--gen-cert makes its own certificate: leave out --%1.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 needs --%2 too.</source>
        <translation></translation>
    </message>
    <message>
        <source>A TLS server needs --cert FILE --key FILE, or --gen-cert for a throwaway certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>--sni needs a server name.</source>
        <translation></translation>
    </message>
    <message>
        <source>Give the client certificate once: --cert/--key or --client-cert/--client-key.</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP: DTLS (a server with --cert/--key or --gen-cert, else a client of --remote; the same options as --tls).</source>
        <translation></translation>
    </message>
    <message>
        <source>--tls does not apply to udp: use --dtls.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 needs --dtls.</source>
        <translation></translation>
    </message>
    <message>
        <source>--dtls applies only to --mode udp (a relay does not speak DTLS).</source>
        <translation></translation>
    </message>
    <message>
        <source>--dtls applies only to --mode udp: use --tls for TCP.</source>
        <translation></translation>
    </message>
    <message>
        <source>--alpn does not apply to --dtls: Qt&apos;s DTLS does not negotiate application protocols.</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 does not apply to --dtls (one DTLS session per peer).</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 applies to a DTLS client, not a server (--%2 makes this a DTLS server).</source>
        <translation></translation>
    </message>
    <message>
        <source>A DTLS client needs --remote HOST:PORT (the server); a DTLS server needs --cert FILE --key FILE, or --gen-cert.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::LinkSession</name>
    <message>
        <source>Refused %1: too many open files. New clients are accepted again once others disconnect.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not accept a connection: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Refused %1: the limit of %n client(s) is reached.</source>
        <translation>
            <numerusform>Refused %1: the limit of %n client is reached.</numerusform>
            <numerusform>Refused %1: the limit of %n clients is reached.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped listening.</source>
        <translation></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS handshake with %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS handshake finished: %1, %2</source>
        <translation></translation>
    </message>
    <message>
        <source>, ALPN &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>; peer certificate %1 (SHA-256 %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>Accepted despite a failed verification (insecure): %1</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS cannot start: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS certificate generated for this run: %1, SHA-256 %2</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS certificate: %1, SHA-256 %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer speaks TLS: its first bytes are a TLS ClientHello. Turn TLS on here to read what it says.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::LogExport</name>
    <message>
        <source>Cannot record to %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Recording to %1 stopped: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot record to %1: it is not a regular file.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::LogFileActions</name>
    <message>
        <source>Text as shown (*.txt)</source>
        <translation></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation></translation>
    </message>
    <message>
        <source>Received bytes, raw (*.bin)</source>
        <translation></translation>
    </message>
    <message>
        <source>Save log</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Record to file</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation></translation>
    </message>
    <message>
        <source>Append the new messages to its end, or replace what it holds now? Replacing deletes its contents.</source>
        <translation></translation>
    </message>
    <message>
        <source>Append</source>
        <translation></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not replace %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Saving the log to %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1 to %2 (%3 held while paused included).</source>
        <translation></translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Only the rows of %1, as the log is filtered.</source>
        <translation></translation>
    </message>
    <message>
        <source>Save cancelled: %1 was not written.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::LogModel</name>
    <message>
        <source>Error</source>
        <translation></translation>
    </message>
    <message>
        <source>Time</source>
        <translation></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation></translation>
    </message>
    <message>
        <source>Peer</source>
        <translation></translation>
    </message>
    <message>
        <source>Length</source>
        <translation></translation>
    </message>
    <message>
        <source>Data</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>… (%n bytes)</source>
        <translation>
            <numerusform>… (%n byte)</numerusform>
            <numerusform>… (%n bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>RX</source>
        <translation></translation>
    </message>
    <message>
        <source>TX</source>
        <translation></translation>
    </message>
    <message>
        <source>Event</source>
        <translation></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation></translation>
    </message>
    <message>
        <source>checksum bad</source>
        <translation></translation>
    </message>
    <message>
        <source>malformed</source>
        <translation></translation>
    </message>
    <message>
        <source>cut</source>
        <translation></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation></translation>
    </message>
    <message>
        <source>Received</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent by auto-reply</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation></translation>
    </message>
    <message>
        <source>The session itself</source>
        <translation></translation>
    </message>
    <message>
        <source>Peer #%1</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Checksum verified.</source>
        <translation></translation>
    </message>
    <message>
        <source>Checksum mismatch.</source>
        <translation></translation>
    </message>
    <message>
        <source>The length header declared an impossible length.</source>
        <translation></translation>
    </message>
    <message>
        <source>The frame exceeded the maximum size and was cut into pieces.</source>
        <translation></translation>
    </message>
    <message>
        <source>A later piece of an oversized frame.</source>
        <translation></translation>
    </message>
    <message>
        <source>The stream ended in the middle of this frame.</source>
        <translation></translation>
    </message>
    <message>
        <source>The table shows the first %1 bytes; the byte view shows all of them.</source>
        <translation></translation>
    </message>
    <message>
        <source>…continues</source>
        <translation></translation>
    </message>
    <message>
        <source>echo</source>
        <translation></translation>
    </message>
    <message>
        <source>auto-reply</source>
        <translation></translation>
    </message>
    <message>
        <source>auto-reply: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent back by echo</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent by auto-reply rule “%1”</source>
        <translation></translation>
    </message>
    <message>
        <source>The start of a character: it shows whole in the next message of this peer and direction.</source>
        <translation></translation>
    </message>
    <message>
        <source>C→S (injected)</source>
        <translation></translation>
    </message>
    <message>
        <source>S→C (injected)</source>
        <translation></translation>
    </message>
    <message>
        <source>C→S</source>
        <translation></translation>
    </message>
    <message>
        <source>S→C</source>
        <translation></translation>
    </message>
    <message>
        <source>Injected: sent by you to the server, not forwarded from the client</source>
        <translation></translation>
    </message>
    <message>
        <source>Injected: sent by you to the client, not forwarded from the server</source>
        <translation></translation>
    </message>
    <message>
        <source>Client to server: forwarded from the client</source>
        <translation></translation>
    </message>
    <message>
        <source>Server to client: forwarded from the server</source>
        <translation></translation>
    </message>
    <message>
        <source>?</source>
        <translation></translation>
    </message>
    <message>
        <source>Client %1 (no server connection yet)</source>
        <translation></translation>
    </message>
    <message>
        <source>Client %1 ↔ server %2</source>
        <translation></translation>
    </message>
    <message>
        <source>C→S (replacement)</source>
        <translation></translation>
    </message>
    <message>
        <source>S→C (replacement)</source>
        <translation></translation>
    </message>
    <message>
        <source>C→S (rewritten)</source>
        <translation></translation>
    </message>
    <message>
        <source>S→C (rewritten)</source>
        <translation></translation>
    </message>
    <message>
        <source>C→S (dropped)</source>
        <translation></translation>
    </message>
    <message>
        <source>S→C (dropped)</source>
        <translation></translation>
    </message>
    <message>
        <source>C→S (delayed)</source>
        <translation></translation>
    </message>
    <message>
        <source>S→C (delayed)</source>
        <translation></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation></translation>
    </message>
    <message>
        <source>Replacement by rule “%1”: passed on to the server instead of the frame the client sent (the C→S row before)</source>
        <translation></translation>
    </message>
    <message>
        <source>Replacement by rule “%1”: passed on to the client instead of the frame the server sent (the S→C row before)</source>
        <translation></translation>
    </message>
    <message>
        <source>Changed by rule “%1”: the next C→S row is what was passed on instead</source>
        <translation></translation>
    </message>
    <message>
        <source>Changed by rule “%1”: the next S→C row is what was passed on instead</source>
        <translation></translation>
    </message>
    <message>
        <source>Dropped by rule “%1”: not passed on to the server</source>
        <translation></translation>
    </message>
    <message>
        <source>Dropped by rule “%1”: not passed on to the client</source>
        <translation></translation>
    </message>
    <message>
        <source>Delayed by rule “%1”: passed on to the server later</source>
        <translation></translation>
    </message>
    <message>
        <source>Delayed by rule “%1”: passed on to the client later</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::LogPane</name>
    <message>
        <source>Hex</source>
        <translation></translation>
    </message>
    <message>
        <source>How received and sent bytes are shown. Switching re-renders the stored bytes; nothing is lost or changed.</source>
        <translation></translation>
    </message>
    <message>
        <source>Time</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the time column (microseconds).</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the messages you sent (TX rows).</source>
        <translation></translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation></translation>
    </message>
    <message>
        <source>Wrap long data over several lines.</source>
        <translation></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation></translation>
    </message>
    <message>
        <source>Keep the newest message in view. Scrolling up pauses this; scrolling to the bottom resumes it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation></translation>
    </message>
    <message>
        <source>Freeze the display (Ctrl+P). Counters and recording go on; held messages appear when you resume.</source>
        <translation></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation></translation>
    </message>
    <message>
        <source>Clear the log (Ctrl+L).</source>
        <translation></translation>
    </message>
    <message>
        <source>Save</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the log, or record every message to a file.</source>
        <translation></translation>
    </message>
    <message>
        <source>Save log as text, CSV or raw bytes…</source>
        <translation></translation>
    </message>
    <message>
        <source>Record every message to a file…</source>
        <translation></translation>
    </message>
    <message>
        <source>Search for bytes given in hex instead of text.</source>
        <translation></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation></translation>
    </message>
    <message>
        <source>Select a message to see its bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>… %n more byte(s) in the hex dump</source>
        <translation>
            <numerusform>… %n more byte in the hex dump</numerusform>
            <numerusform>… %n more bytes in the hex dump</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation></translation>
    </message>
    <message>
        <source>Found in a hidden row</source>
        <translation></translation>
    </message>
    <message>
        <source>Find</source>
        <translation></translation>
    </message>
    <message>
        <source>Find text, or bytes with Hex checked (Ctrl+F; F3 next, Shift+F3 previous).</source>
        <translation></translation>
    </message>
    <message>
        <source>…continues in the next message</source>
        <translation></translation>
    </message>
    <message>
        <source>Injected</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the messages you injected (rows marked injected).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::MainWindow</name>
    <message>
        <source>SockScope</source>
        <translation></translation>
    </message>
    <message>
        <source>Open another session</source>
        <translation></translation>
    </message>
    <message>
        <source>How late the window&apos;s event loop runs (99th percentile and worst over the last few seconds): the window&apos;s responsiveness.</source>
        <translation></translation>
    </message>
    <message>
        <source>lag p99 %1 ms, max %2 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation></translation>
    </message>
    <message>
        <source>TCP &amp;Server</source>
        <translation></translation>
    </message>
    <message>
        <source>TCP &amp;Client</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;UDP</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Save log…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Reset counters</source>
        <translation></translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Log limits…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;About SockScope</source>
        <translation></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>RX %1 in %Ln msg(s), %2/s</source>
        <translation>
            <numerusform>RX %1 in %Ln msg, %2/s</numerusform>
            <numerusform>RX %1 in %Ln msgs, %2/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>TX %1 in %Ln msg(s), %2/s</source>
        <translation>
            <numerusform>TX %1 in %Ln msg, %2/s</numerusform>
            <numerusform>TX %1 in %Ln msgs, %2/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n peer</numerusform>
            <numerusform>%n peers</numerusform>
        </translation>
    </message>
    <message>
        <source>Log limits</source>
        <translation></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation></translation>
    </message>
    <message>
        <source>Rows kept per session</source>
        <translation></translation>
    </message>
    <message>
        <source>Memory per session</source>
        <translation></translation>
    </message>
    <message>
        <source>The oldest messages are dropped from the view beyond these limits. Counters and recording to file are not affected.</source>
        <translation></translation>
    </message>
    <message>
        <source>About SockScope</source>
        <translation></translation>
    </message>
    <message>
        <source>&lt;h3&gt;SockScope %1&lt;/h3&gt;&lt;p&gt;A network debugging assistant: TCP server, TCP client and UDP peer with exact bytes, framing for sticky packets and a log that survives floods.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;&lt;p&gt;License: MIT.&lt;/p&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation></translation>
    </message>
    <message>
        <source>System default</source>
        <translation></translation>
    </message>
    <message>
        <source>Language</source>
        <translation></translation>
    </message>
    <message>
        <source>The new language applies when SockScope restarts.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation></translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Every message of this session is appended to %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop recording to %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Quit SockScope</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Quit while %n session(s) are running?</source>
        <translation>
            <numerusform>Quit while %n session is running?</numerusform>
            <numerusform>Quit while %n sessions are running?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Quitting stops every session and closes %n connection(s).</source>
        <translation>
            <numerusform>Quitting stops every session and closes %n connection.</numerusform>
            <numerusform>Quitting stops every session and closes %n connections.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Relay</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::Message</name>
    <message>
        <source>character &apos;%1&apos; (U+%2) cannot be encoded in %3</source>
        <translation></translation>
    </message>
    <message>
        <source>invalid hex: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the length would be negative (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>the length %1 does not fit in %2 byte(s)</source>
        <translation></translation>
    </message>
    <message>
        <source>the lengths do not settle on a consistent value</source>
        <translation></translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation></translation>
    </message>
    <message>
        <source>The bytes include control characters or bytes that are not valid %1 text. They can only be kept exactly as escape sequences such as \r or \xFF: turn on escapes to edit them as text.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::MessageListModel</name>
    <message>
        <source>HEX %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation></translation>
    </message>
    <message>
        <source>Text</source>
        <translation></translation>
    </message>
    <message>
        <source>escapes</source>
        <translation></translation>
    </message>
    <message>
        <source>+ \n</source>
        <translation></translation>
    </message>
    <message>
        <source>+ \r\n</source>
        <translation></translation>
    </message>
    <message>
        <source>+ \r</source>
        <translation></translation>
    </message>
    <message>
        <source>+ %1 (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>LE</source>
        <translation></translation>
    </message>
    <message>
        <source>BE</source>
        <translation></translation>
    </message>
    <message>
        <source>dynamic fields</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::PeerListModel</name>
    <message>
        <source>Connected</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 — closed: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 — connected since %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Peer</source>
        <translation></translation>
    </message>
    <message>
        <source>State</source>
        <translation></translation>
    </message>
    <message>
        <source>Since</source>
        <translation></translation>
    </message>
    <message>
        <source>Active</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes received from this peer</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes sent to this peer</source>
        <translation></translation>
    </message>
    <message>
        <source>Messages received from this peer</source>
        <translation></translation>
    </message>
    <message>
        <source>RX</source>
        <translation></translation>
    </message>
    <message>
        <source>TX</source>
        <translation></translation>
    </message>
    <message>
        <source>Msgs</source>
        <translation></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation></translation>
    </message>
    <message>
        <source>closed</source>
        <translation></translation>
    </message>
    <message>
        <source>half-closed</source>
        <translation></translation>
    </message>
    <message>
        <source>open</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1, holding what it sends</source>
        <translation></translation>
    </message>
    <message>
        <source>Client %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Server %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Client → server: %1 bytes; server → client: %2 bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>Held, not passed on yet: %1 bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The client&apos;s side ↔ the server&apos;s side: connecting, open, half-closed (finished sending), closed</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes the client sent to the server (C&gt;S)</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes the server sent to the client (S&gt;C)</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes held, not passed on yet</source>
        <translation></translation>
    </message>
    <message>
        <source>Client</source>
        <translation></translation>
    </message>
    <message>
        <source>C&gt;S</source>
        <translation></translation>
    </message>
    <message>
        <source>S&gt;C</source>
        <translation></translation>
    </message>
    <message>
        <source>Held</source>
        <translation></translation>
    </message>
    <message>
        <source>plain</source>
        <translation></translation>
    </message>
    <message>
        <source>plain (no TLS)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1, cipher %2</source>
        <translation></translation>
    </message>
    <message>
        <source>ALPN: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>none agreed</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Accepted despite: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Client side:</source>
        <translation></translation>
    </message>
    <message>
        <source>Server side:</source>
        <translation></translation>
    </message>
    <message>
        <source>%1
TLS: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The TLS version agreed; the cell&apos;s tooltip has the cipher and ALPN</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS towards the client ↔ towards the server; the cell&apos;s tooltip has the cipher and ALPN</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::PeerPanel</name>
    <message>
        <source>Select peers to send only to them and to show only their messages. With nothing selected, sends go to all peers.</source>
        <translation></translation>
    </message>
    <message>
        <source>All peers</source>
        <translation></translation>
    </message>
    <message>
        <source>Clear the selection: send to every peer and show every message.</source>
        <translation></translation>
    </message>
    <message>
        <source>Clear closed</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove peers that have left from the list.</source>
        <translation></translation>
    </message>
    <message>
        <source>Hold C→S</source>
        <translation></translation>
    </message>
    <message>
        <source>Hold S→C</source>
        <translation></translation>
    </message>
    <message>
        <source>Release</source>
        <translation></translation>
    </message>
    <message>
        <source>Drop</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n selected pair(s)</source>
        <translation>
            <numerusform>%n selected pair</numerusform>
            <numerusform>%n selected pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n pair(s)</source>
        <translation>
            <numerusform>all %n pair</numerusform>
            <numerusform>all %n pairs</numerusform>
        </translation>
    </message>
    <message>
        <source>Held on %1: C→S %2, S→C %3</source>
        <translation></translation>
    </message>
    <message>
        <source>Acts on the selected pairs.</source>
        <translation></translation>
    </message>
    <message>
        <source>Acts on every pair (none is selected).</source>
        <translation></translation>
    </message>
    <message>
        <source>Hold what the clients send to the server; it waits here until you release or drop it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Hold what the server sends to the clients; it waits here until you release or drop it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Pass on what is held, in order, in both directions. A hold stays on until you uncheck it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Discard what is held in both directions; it is never passed on.</source>
        <translation></translation>
    </message>
    <message>
        <source>Drop held data</source>
        <translation></translation>
    </message>
    <message>
        <source>Discard %1 held? It will never reach the other side.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnect the client side</source>
        <translation></translation>
    </message>
    <message>
        <source>Close the connection to the client first, as if the device left; the connection to the server follows.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnect the server side</source>
        <translation></translation>
    </message>
    <message>
        <source>Close the connection to the server first, as if the server went away; the connection to the client follows.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::PeriodicSender</name>
    <message>
        <source>Already running.</source>
        <translation></translation>
    </message>
    <message>
        <source>The interval must be at least 1 ms.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Count reached: sent %n message(s).</source>
        <translation>
            <numerusform>Count reached: sent %n message.</numerusform>
            <numerusform>Count reached: sent %n messages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::PortOwnerLookup</name>
    <message>
        <source>Port %1 is already in use by %2 (pid %3).</source>
        <translation></translation>
    </message>
    <message>
        <source>Port %1 is already in use by process %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program (its owner could not be determined; it may belong to another user).</source>
        <translation></translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program (its owner could not be determined).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::ReceiveOptions</name>
    <message>
        <source>UDP keeps message boundaries: one datagram, one row.</source>
        <translation></translation>
    </message>
    <message>
        <source>No check</source>
        <translation></translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Treat the last bytes of each received message as this checksum and mark messages where it does not match.</source>
        <translation></translation>
    </message>
    <message>
        <source>Echo</source>
        <translation></translation>
    </message>
    <message>
        <source>Send every received message straight back.</source>
        <translation></translation>
    </message>
    <message>
        <source>Auto-reply…</source>
        <translation></translation>
    </message>
    <message>
        <source>Rules that answer matching messages automatically (device simulation).</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) active</source>
        <translation>
            <numerusform>%n rule active</numerusform>
            <numerusform>%n rules active</numerusform>
        </translation>
    </message>
    <message>
        <source>C→S &amp;framing</source>
        <translation></translation>
    </message>
    <message>
        <source>How what the client sends (client→server) is cut into messages.</source>
        <translation></translation>
    </message>
    <message>
        <source>S→C fra&amp;ming</source>
        <translation></translation>
    </message>
    <message>
        <source>How what the server sends (server→client) is cut into messages; a device protocol is often framed differently each way.</source>
        <translation></translation>
    </message>
    <message>
        <source>Same as C→S</source>
        <translation></translation>
    </message>
    <message>
        <source>Shaping…</source>
        <translation></translation>
    </message>
    <message>
        <source>Shaping: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Make this relay a slow network: pass each direction&apos;s bytes on later (latency) and no faster than a rate.</source>
        <translation></translation>
    </message>
    <message>
        <source>What the relay passes on is slowed: %1. Click to change it.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::RelayPacer</name>
    <message>
        <source>Server→client</source>
        <translation></translation>
    </message>
    <message>
        <source>Client→server</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: passed on as it comes.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: passed on %2 ms late.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: passed on %2 ms late, at most %3 bytes/s.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::RewriteButton</name>
    <message>
        <source>Rewrite rules (%1)…</source>
        <translation></translation>
    </message>
    <message>
        <source>Rewrite rules…</source>
        <translation></translation>
    </message>
    <message>
        <source>Rules that replace, drop or delay the frames the relay passes on, in one direction or both.</source>
        <translation></translation>
    </message>
    <message>
        <source>These rewrite rules were refused; nothing is rewritten: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::RewriteDialog</name>
    <message>
        <source>Rewrite Rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Use these rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation></translation>
    </message>
    <message>
        <source>The first enabled rule of a frame&apos;s direction that matches it applies. Double-click a cell to edit it; invalid cells are red.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation></translation>
    </message>
    <message>
        <source>Add a new rule below the current one</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove the current rule</source>
        <translation></translation>
    </message>
    <message>
        <source>Move U&amp;p</source>
        <translation></translation>
    </message>
    <message>
        <source>Move the current rule up: it is tried earlier</source>
        <translation></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation></translation>
    </message>
    <message>
        <source>Move the current rule down: it is tried later</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation></translation>
    </message>
    <message>
        <source>Replace the rules with those of a JSON file (docs/rewrite-rules.md)</source>
        <translation></translation>
    </message>
    <message>
        <source>E&amp;xport JSON…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the rules to a JSON file</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation></translation>
    </message>
    <message>
        <source>Decodes frames for text and regex rules, and encodes text patterns and replacements</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation></translation>
    </message>
    <message>
        <source>Test</source>
        <translation></translation>
    </message>
    <message>
        <source>Try the rules as they are now on a sample frame</source>
        <translation></translation>
    </message>
    <message>
        <source>From the client (C→S)</source>
        <translation></translation>
    </message>
    <message>
        <source>From the server (S→C)</source>
        <translation></translation>
    </message>
    <message>
        <source>Sample frame, e.g. temp=21</source>
        <translation></translation>
    </message>
    <message>
        <source>A frame to try, without its delimiter: text with escapes (\r \n \xNN \uXXXX) or hex bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>Text</source>
        <translation></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation></translation>
    </message>
    <message>
        <source>A rule sees one frame at a time, as the relay&apos;s framing cuts it (without its delimiter): for text lines, choose Line framing.</source>
        <translation></translation>
    </message>
    <message>
        <source>Fix the invalid rule first. %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation></translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation></translation>
    </message>
    <message>
        <source>Import Rewrite Rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Rewrite rules (*.json);;All files (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation></translation>
    </message>
    <message>
        <source>The rules in %1 were not imported; the current rules are unchanged.

%2</source>
        <translation></translation>
    </message>
    <message>
        <source>Imported with Warnings</source>
        <translation></translation>
    </message>
    <message>
        <source>The rules were imported; these parts of the file were ignored:

%1</source>
        <translation></translation>
    </message>
    <message>
        <source>Export Rewrite Rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not save %1:

%2</source>
        <translation></translation>
    </message>
    <message>
        <source>Type a frame above to see what the relay passes on instead.</source>
        <translation></translation>
    </message>
    <message>
        <source>Fix the invalid rule first.
%1</source>
        <translation></translation>
    </message>
    <message>
        <source>Sample frame: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule %1 “%2”</source>
        <translation></translation>
    </message>
    <message>
        <source>No rule matches: the frame is passed on unchanged.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1 replaces it; after %2 ms, passed on instead, %n byte(s):</source>
        <translation>
            <numerusform>%1 replaces it; after %2 ms, passed on instead, %n byte:</numerusform>
            <numerusform>%1 replaces it; after %2 ms, passed on instead, %n bytes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 replaces it; passed on instead, %n byte(s):</source>
        <translation>
            <numerusform>%1 replaces it; passed on instead, %n byte:</numerusform>
            <numerusform>%1 replaces it; passed on instead, %n bytes:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 drops it: nothing is passed on.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 delays it: passed on unchanged after %2 ms.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 matches, but its replacement could not be made: the frame is passed on unchanged.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::RewriteModel</name>
    <message>
        <source>C→S</source>
        <translation></translation>
    </message>
    <message>
        <source>S→C</source>
        <translation></translation>
    </message>
    <message>
        <source>Both</source>
        <translation></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation></translation>
    </message>
    <message>
        <source>Drop</source>
        <translation></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation></translation>
    </message>
    <message>
        <source>Pass on the replacement instead of the frame (its delimiter kept), after the delay if one is set.</source>
        <translation></translation>
    </message>
    <message>
        <source>Do not pass the frame on.</source>
        <translation></translation>
    </message>
    <message>
        <source>Pass the frame on unchanged after the delay; what follows waits behind it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Enabled: this rule changes matching frames.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disabled: this rule is skipped (but still checked).</source>
        <translation></translation>
    </message>
    <message>
        <source>The log names the rule that changed a frame.</source>
        <translation></translation>
    </message>
    <message>
        <source>Which frames the rule sees: from the client (C→S), from the server (S→C), or both.</source>
        <translation></translation>
    </message>
    <message>
        <source>What a frame must match.</source>
        <translation></translation>
    </message>
    <message>
        <source>Whether the replacement is written as text (with escapes) or as hex bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>Passed on instead of the frame.</source>
        <translation></translation>
    </message>
    <message>
        <source>${1} or ${name} inserts a captured group.</source>
        <translation></translation>
    </message>
    <message>
        <source>Wait this long before passing the frame on (0 to %1 ms).</source>
        <translation></translation>
    </message>
    <message>
        <source>On</source>
        <translation></translation>
    </message>
    <message>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation></translation>
    </message>
    <message>
        <source>Match type</source>
        <translation></translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation></translation>
    </message>
    <message>
        <source>Action</source>
        <translation></translation>
    </message>
    <message>
        <source>Replace as</source>
        <translation></translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation></translation>
    </message>
    <message>
        <source>Delay ms</source>
        <translation></translation>
    </message>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::RewriteRules</name>
    <message>
        <source>must be one of %1</source>
        <translation></translation>
    </message>
    <message>
        <source>each rule must be an object</source>
        <translation></translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule %1: &quot;reply&quot; ignored (a rewrite rule has a &quot;replacement&quot;)</source>
        <translation></translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>not a rewrite rule file (expected &quot;format&quot;: &quot;%1&quot;)</source>
        <translation></translation>
    </message>
    <message>
        <source>version %1 is not supported (this build reads version %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown encoding &quot;%1&quot; (use UTF-8, GBK or Latin-1)</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an array of rules</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 rules: at most %2 are allowed</source>
        <translation></translation>
    </message>
    <message>
        <source>a replace rule needs a replacement (to pass nothing on, use drop)</source>
        <translation></translation>
    </message>
    <message>
        <source>a delay rule needs a delay above 0 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>No rewrite rules: everything is passed on as it comes.</source>
        <translation></translation>
    </message>
    <message>
        <source>Rewrite rules: %1 for client→server, %2 for server→client.</source>
        <translation></translation>
    </message>
    <message>
        <source>Rule “%1”: the replacement could not be made (a capture does not fit the rules&apos; encoding, or it is too long); passed on unchanged.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::ScheduledSender</name>
    <message>
        <source>The message is empty.</source>
        <translation></translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n message(s).</source>
        <translation>
            <numerusform>Sent %n message.</numerusform>
            <numerusform>Sent %n messages.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already running.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no session to send through.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is nothing to send: no message is set.</source>
        <translation></translation>
    </message>
    <message>
        <source>The number of repetitions cannot be negative.</source>
        <translation></translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Step %1: the delay cannot be negative.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n message(s).</source>
        <translation>
            <numerusform>Stopped after %n message.</numerusform>
            <numerusform>Stopped after %n messages.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>None of the target peers exists any more.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnected: %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The UDP socket is closed.</source>
        <translation></translation>
    </message>
    <message>
        <source>No client is connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnected from %1 (%2).</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::SendPanel</name>
    <message>
        <source>Type a message, then press Ctrl+Return to send it</source>
        <translation></translation>
    </message>
    <message>
        <source>No line ending</source>
        <translation></translation>
    </message>
    <message>
        <source>+ \n (LF)</source>
        <translation></translation>
    </message>
    <message>
        <source>+ \r\n (CRLF)</source>
        <translation></translation>
    </message>
    <message>
        <source>+ \r (CR)</source>
        <translation></translation>
    </message>
    <message>
        <source>No checksum</source>
        <translation></translation>
    </message>
    <message>
        <source>+ %1</source>
        <translation></translation>
    </message>
    <message>
        <source>BE</source>
        <translation></translation>
    </message>
    <message>
        <source>Big-endian: high byte first</source>
        <translation></translation>
    </message>
    <message>
        <source>LE</source>
        <translation></translation>
    </message>
    <message>
        <source>Little-endian: low byte first (MODBUS RTU)</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot switch to hex: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot switch to text: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Escapes turned on: the bytes include control characters or bytes that are not valid %1 text, written as \r, \n or \xNN to keep them exact.</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing to send: type a message (text or hex)</source>
        <translation></translation>
    </message>
    <message>
        <source>The preview of the exact bytes appears here as you type</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;… %n more byte(s)&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;… %n more byte&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;… %n more bytes&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation></translation>
    </message>
    <message>
        <source> (time fields vary)</source>
        <translation></translation>
    </message>
    <message>
        <source>The exact bytes that will be sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing to send: the message is empty</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation></translation>
    </message>
    <message>
        <source>St&amp;op (%1 / %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>St&amp;op (%1 sent)</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop sending periodically</source>
        <translation></translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation></translation>
    </message>
    <message>
        <source>Start sending the message every interval, the given number of times</source>
        <translation></translation>
    </message>
    <message>
        <source>A file transfer is in progress</source>
        <translation></translation>
    </message>
    <message>
        <source>Send the contents of a file</source>
        <translation></translation>
    </message>
    <message>
        <source>Send File</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 of %2 bytes sent</source>
        <translation></translation>
    </message>
    <message>
        <source>?</source>
        <translation></translation>
    </message>
    <message>
        <source>File sent</source>
        <translation></translation>
    </message>
    <message>
        <source>File transfer failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Type a message before saving it as a preset</source>
        <translation></translation>
    </message>
    <message>
        <source>Add Preset</source>
        <translation></translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation></translation>
    </message>
    <message>
        <source>Save as Preset</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete Preset</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete the preset &quot;%1&quot;?</source>
        <translation></translation>
    </message>
    <message>
        <source>Load into Editor</source>
        <translation></translation>
    </message>
    <message>
        <source>Load and Send</source>
        <translation></translation>
    </message>
    <message>
        <source>Save as Preset…</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation></translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation></translation>
    </message>
    <message>
        <source>Add Current Message…</source>
        <translation></translation>
    </message>
    <message>
        <source>Still hex: the bytes include control characters or bytes that are not valid %1 text, which text can keep exact only as escapes (\r, \n, \xNN).</source>
        <translation></translation>
    </message>
    <message>
        <source>Turn on Escapes and switch to text</source>
        <translation></translation>
    </message>
    <message>
        <source> (column %1)</source>
        <translation></translation>
    </message>
    <message>
        <source> (line %1, column %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Dynamic fields&lt;/b&gt; are replaced when the message is sent:&lt;/p&gt;&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{counter}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;1, 2, 3 … (&lt;tt&gt;start=&lt;/tt&gt;, &lt;tt&gt;step=&lt;/tt&gt;, &lt;tt&gt;width=&lt;/tt&gt;, &lt;tt&gt;hex&lt;/tt&gt;, &lt;tt&gt;u8&lt;/tt&gt;, &lt;tt&gt;u16be&lt;/tt&gt;, &lt;tt&gt;u32le&lt;/tt&gt; …)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{time}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;send time, &lt;tt&gt;HH:mm:ss.zzz&lt;/tt&gt;; or a QDateTime pattern, &lt;tt&gt;unix&lt;/tt&gt;, &lt;tt&gt;unixms&lt;/tt&gt;, &lt;tt&gt;iso&lt;/tt&gt;, &lt;tt&gt;u32be&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{random:4}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;4 random bytes&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{len:u16be}}&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;length of the whole frame (&lt;tt&gt;after&lt;/tt&gt;, &lt;tt&gt;adjust=-2&lt;/tt&gt;)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;{{{{&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;a literal &lt;tt&gt;{{&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Each sender (Send button, periodic send, sequence) counts on its own and keeps counting across runs while the tab is open. The preview shows the next frame. Full reference: docs/dynamic-fields.md.&lt;/p&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>To the server</source>
        <translation></translation>
    </message>
    <message>
        <source>To the client</source>
        <translation></translation>
    </message>
    <message>
        <source>Where a message you send goes: injected into the pair&apos;s connection to the server, or to the client</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::SendRouter</name>
    <message>
        <source>Start listening first.</source>
        <translation></translation>
    </message>
    <message>
        <source>No client is connected yet.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Send to: all %n client(s)</source>
        <translation>
            <numerusform>Send to: %n client</numerusform>
            <numerusform>Send to: all %n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to: %n selected client(s)</source>
        <translation>
            <numerusform>Send to: %n selected client</numerusform>
            <numerusform>Send to: %n selected clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Open the socket first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Set a remote address or select a peer.</source>
        <translation></translation>
    </message>
    <message>
        <source>Send to: the remote address</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Send to: %n selected peer(s)</source>
        <translation>
            <numerusform>Send to: %n selected peer</numerusform>
            <numerusform>Send to: %n selected peers</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one peer to send a file to.</source>
        <translation></translation>
    </message>
    <message>
        <source>No client connected yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>No client is connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>No client connected (all have left).</source>
        <translation></translation>
    </message>
    <message>
        <source>Send to: the last sender, %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Send to: the last sender (nothing received yet)</source>
        <translation></translation>
    </message>
    <message>
        <source>Send to: the remote address until a datagram arrives, then its sender</source>
        <translation></translation>
    </message>
    <message>
        <source>Start the relay first.</source>
        <translation></translation>
    </message>
    <message>
        <source>No pair is connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>No pair is connected yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>No selected pair is connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>No pair connected (all have left).</source>
        <translation></translation>
    </message>
    <message>
        <source>No pair connected yet.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Send to: the server side of all %n pair(s)</source>
        <translation>
            <numerusform>Send to: the server side of all %n pair</numerusform>
            <numerusform>Send to: the server side of all %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to: the client side of all %n pair(s)</source>
        <translation>
            <numerusform>Send to: the client side of all %n pair</numerusform>
            <numerusform>Send to: the client side of all %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to: the server side of %n selected pair(s)</source>
        <translation>
            <numerusform>Send to: the server side of %n selected pair</numerusform>
            <numerusform>Send to: the server side of %n selected pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to: the client side of %n selected pair(s)</source>
        <translation>
            <numerusform>Send to: the client side of %n selected pair</numerusform>
            <numerusform>Send to: the client side of %n selected pairs</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one pair to send a file to.</source>
        <translation></translation>
    </message>
    <message>
        <source>Start first: sends wait for the DTLS handshake with the server.</source>
        <translation></translation>
    </message>
    <message>
        <source>Send to: the DTLS server</source>
        <translation></translation>
    </message>
    <message>
        <source>No DTLS client has finished its handshake yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>No DTLS client yet.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Send to: all %n DTLS client(s)</source>
        <translation>
            <numerusform>Send to: all %n DTLS client</numerusform>
            <numerusform>Send to: all %n DTLS clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::SequenceController</name>
    <message>
        <source>Completed. %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::SequenceDelegate</name>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::SequenceDialog</name>
    <message>
        <source>Close this window; a running sequence goes on</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove Step</source>
        <translation></translation>
    </message>
    <message>
        <source>Add at least one step first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Step %1 cannot be sent: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop the sequence</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation></translation>
    </message>
    <message>
        <source>Send the steps in order, looping as set</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s), about %1 ms per loop.</source>
        <translation>
            <numerusform>%n step, about %1 ms per loop.</numerusform>
            <numerusform>%n steps, about %1 ms per loop.</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1/%2, loop %3 (until stopped)</source>
        <translation></translation>
    </message>
    <message>
        <source>Step %1/%2, loop %3/%4</source>
        <translation></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::SequenceModel</name>
    <message>
        <source>Hex</source>
        <translation></translation>
    </message>
    <message>
        <source>Text</source>
        <translation></translation>
    </message>
    <message>
        <source>escapes</source>
        <translation></translation>
    </message>
    <message>
        <source>fields</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>Step %1 cannot be sent: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Pause after this step before the next one (also between loops), 0 to %1 ms.</source>
        <translation></translation>
    </message>
    <message>
        <source>Message</source>
        <translation></translation>
    </message>
    <message>
        <source>Format</source>
        <translation></translation>
    </message>
    <message>
        <source>Delay after</source>
        <translation></translation>
    </message>
    <message>
        <source>The message content; double-click to edit it (escapes and hex digits as in the send editor).</source>
        <translation></translation>
    </message>
    <message>
        <source>Format and options, as they were in the send editor when the step was added.</source>
        <translation></translation>
    </message>
    <message>
        <source>Pause after the step, in milliseconds; double-click to edit.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::Session</name>
    <message>
        <source>Disconnected by you.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Port %1 is already in use; looking up which program holds it…</source>
        <translation></translation>
    </message>
    <message>
        <source>Auto-reply not sent: the peer is not reading (%1 bytes still unsent to it). Replies to it are dropped until it reads.</source>
        <translation></translation>
    </message>
    <message>
        <source>Auto-reply not sent: %1 bytes of replies already wait for this peer. Replies to it are dropped until they have gone out.</source>
        <translation></translation>
    </message>
    <message>
        <source>Auto-reply not sent: %1 bytes of replies already wait in this session. Replies are dropped until they have gone out.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n auto-reply(ies) not sent (%1 bytes in all).</source>
        <translation>
            <numerusform>%n auto-reply not sent (%1 bytes in all).</numerusform>
            <numerusform>%n auto-replies not sent (%1 bytes in all).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting auto-reply(ies) dropped (%1 bytes): the peer is gone.</source>
        <translation>
            <numerusform>%n waiting auto-reply dropped (%1 bytes): the peer is gone.</numerusform>
            <numerusform>%n waiting auto-replies dropped (%1 bytes): the peer is gone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send: the message is empty.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not sent to %1: no longer connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client side closed: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Server side closed: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Holding what the client sends.</source>
        <translation></translation>
    </message>
    <message>
        <source>Holding what the server sends.</source>
        <translation></translation>
    </message>
    <message>
        <source>Passing on what the client sends again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Passing on what the server sends again.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::SessionTab</name>
    <message>
        <source>Forget</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation></translation>
    </message>
    <message>
        <source>TCP Server</source>
        <translation></translation>
    </message>
    <message>
        <source>TCP Client</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP</source>
        <translation></translation>
    </message>
    <message>
        <source>Forget the selected peers (their next datagram adds them again).</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnect the selected clients.</source>
        <translation></translation>
    </message>
    <message>
        <source>Select the peers to forget first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Select the clients to disconnect first (Ctrl+click for several).</source>
        <translation></translation>
    </message>
    <message>
        <source>Relay</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnect the selected pairs (the client and its connection to the server).</source>
        <translation></translation>
    </message>
    <message>
        <source>Select the pairs to disconnect first (Ctrl+click for several).</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP Relay</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::ShapingDialog</name>
    <message>
        <source>Relay shaping</source>
        <translation></translation>
    </message>
    <message>
        <source>Make the relay a slow network: each direction&apos;s bytes are passed on this much later, and no faster than the rate. Applies at once, also while the relay runs.</source>
        <translation></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation></translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation></translation>
    </message>
    <message>
        <source>Client → server (C→S)</source>
        <translation></translation>
    </message>
    <message>
        <source>Server → client (S→C)</source>
        <translation></translation>
    </message>
    <message>
        <source>No shaping</source>
        <translation></translation>
    </message>
    <message>
        <source>Pass bytes on as they come, both ways.</source>
        <translation></translation>
    </message>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
    <message>
        <source>How much later each byte is passed on (0: at once).</source>
        <translation></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation></translation>
    </message>
    <message>
        <source>The most passed on per second (0: no limit).</source>
        <translation></translation>
    </message>
    <message>
        <source>B/s</source>
        <translation></translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation></translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>S→C %1</source>
        <translation></translation>
    </message>
    <message>
        <source>C→S %1</source>
        <translation></translation>
    </message>
    <message>
        <source>, </source>
        <translation></translation>
    </message>
    <message>
        <source>; </source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::SocketErrors</name>
    <message>
        <source>Connection to %1 was refused: nothing is listening on that port.</source>
        <translation></translation>
    </message>
    <message>
        <source>The connection was refused: nothing is listening on that port.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation></translation>
    </message>
    <message>
        <source>The remote host closed the connection.</source>
        <translation></translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; could not be found.</source>
        <translation></translation>
    </message>
    <message>
        <source>The host could not be found.</source>
        <translation></translation>
    </message>
    <message>
        <source>Access to %1 was denied: the operation needs more privileges (ports below 1024 usually do).</source>
        <translation></translation>
    </message>
    <message>
        <source>The socket operation was denied: it needs more privileges (ports below 1024 usually do).</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not open a socket for %1: the system ran out of resources (too many open sockets or too little memory).</source>
        <translation></translation>
    </message>
    <message>
        <source>The system ran out of socket resources (too many open sockets or too little memory).</source>
        <translation></translation>
    </message>
    <message>
        <source>The operation on %1 timed out.</source>
        <translation></translation>
    </message>
    <message>
        <source>The socket operation timed out.</source>
        <translation></translation>
    </message>
    <message>
        <source>The datagram for %1 is larger than the network allows (at most 65507 bytes over IPv4).</source>
        <translation></translation>
    </message>
    <message>
        <source>The datagram is larger than the network allows (at most 65507 bytes over IPv4).</source>
        <translation></translation>
    </message>
    <message>
        <source>A network error occurred with %1: the network or host may be unreachable, or the connection timed out.</source>
        <translation></translation>
    </message>
    <message>
        <source>A network error occurred: the network or host may be unreachable, or the connection timed out.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is already in use by another socket.</source>
        <translation></translation>
    </message>
    <message>
        <source>The address is already in use by another socket.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot bind to %1: that address does not belong to this computer.</source>
        <translation></translation>
    </message>
    <message>
        <source>The requested address does not belong to this computer.</source>
        <translation></translation>
    </message>
    <message>
        <source>The operation on %1 is not supported by this system (for example IPv6 where IPv6 is disabled).</source>
        <translation></translation>
    </message>
    <message>
        <source>The operation is not supported by this system (for example IPv6 where IPv6 is disabled).</source>
        <translation></translation>
    </message>
    <message>
        <source>An earlier operation on %1 is still in progress.</source>
        <translation></translation>
    </message>
    <message>
        <source>An earlier socket operation is still in progress.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy requires authentication to reach %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy requires authentication.</source>
        <translation></translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed.</source>
        <translation></translation>
    </message>
    <message>
        <source>The TLS handshake failed.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy refused the connection to %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy server refused the connection.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy closed the connection to %1 unexpectedly.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy server closed the connection unexpectedly.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy did not answer in time while connecting to %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy server did not answer in time.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy for %1 could not be found.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy server could not be found.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy sent a reply that could not be understood while connecting to %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The proxy server sent a reply that could not be understood.</source>
        <translation></translation>
    </message>
    <message>
        <source>The operation on %1 is not allowed in the socket&apos;s current state.</source>
        <translation></translation>
    </message>
    <message>
        <source>The operation is not allowed in the socket&apos;s current state.</source>
        <translation></translation>
    </message>
    <message>
        <source>The TLS library reported an internal error while talking to %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The TLS library reported an internal error.</source>
        <translation></translation>
    </message>
    <message>
        <source>Invalid TLS data (certificate, key or cipher) was given for %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Invalid TLS data (certificate, key or cipher) was given.</source>
        <translation></translation>
    </message>
    <message>
        <source>A temporary error occurred on %1; try again.</source>
        <translation></translation>
    </message>
    <message>
        <source>A temporary socket error occurred; try again.</source>
        <translation></translation>
    </message>
    <message>
        <source>An unknown error occurred on %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>An unknown socket error occurred.</source>
        <translation></translation>
    </message>
    <message>
        <source>Socket error %1 occurred on %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Socket error %1 occurred.</source>
        <translation></translation>
    </message>
    <message>
        <source>Closed by peer</source>
        <translation></translation>
    </message>
    <message>
        <source>Reset by peer</source>
        <translation></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation></translation>
    </message>
    <message>
        <source>Host not found</source>
        <translation></translation>
    </message>
    <message>
        <source>Network unreachable</source>
        <translation></translation>
    </message>
    <message>
        <source>Closed locally</source>
        <translation></translation>
    </message>
    <message>
        <source>Error</source>
        <translation></translation>
    </message>
    <message>
        <source>%1, IPv6 and IPv4</source>
        <translation></translation>
    </message>
    <message>
        <source>%1, IPv6 only</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS failed</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TcpClientSession</name>
    <message>
        <source>Connecting to %1 timed out after %2 ms.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot bind the local address %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>Connected to %1 from %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Reconnecting in %1 s (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>Connection attempt cancelled.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TcpConnector</name>
    <message>
        <source>Connecting to %1 timed out after %2 ms.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot bind the local address %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TcpLink</name>
    <message>
        <source>the peer closed the connection</source>
        <translation></translation>
    </message>
    <message>
        <source>closed by you</source>
        <translation></translation>
    </message>
    <message>
        <source>the peer reset the connection</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>; %n byte(s) queued for it were not sent</source>
        <translation>
            <numerusform>; %n byte queued for it was not sent</numerusform>
            <numerusform>; %n bytes queued for it were not sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::TcpRelaySession</name>
    <message>
        <source>No server to relay to: give its host and port.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1; relaying to %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Connected; connecting to the server %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>Connected to the server %1 from %2</source>
        <translation></translation>
    </message>
    <message>
        <source>the server %1 could not be reached: %2</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) could not be passed on: the other side is closed.</source>
        <translation>
            <numerusform>%n byte could not be passed on: the other side is closed.</numerusform>
            <numerusform>%n bytes could not be passed on: the other side is closed.</numerusform>
        </translation>
    </message>
    <message>
        <source>The client finished sending (half-close); held.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server finished sending (half-close); held.</source>
        <translation></translation>
    </message>
    <message>
        <source>The client finished sending (half-close); passed on to the server.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server finished sending (half-close); passed on to the client.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Released %n held byte(s).</source>
        <translation>
            <numerusform>Released %n held byte.</numerusform>
            <numerusform>Released %n held bytes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Passed on the held end of stream (half-close).</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n held byte(s); they were not passed on.</source>
        <translation>
            <numerusform>Dropped %n held byte; they were not passed on.</numerusform>
            <numerusform>Dropped %n held bytes; they were not passed on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held byte(s) were not passed on: the connection closed.</source>
        <translation>
            <numerusform>%n held byte were not passed on: the connection closed.</numerusform>
            <numerusform>%n held bytes were not passed on: the connection closed.</numerusform>
        </translation>
    </message>
    <message>
        <source>the client reset the connection; the reset was passed on</source>
        <translation></translation>
    </message>
    <message>
        <source>the server reset the connection; the reset was passed on</source>
        <translation></translation>
    </message>
    <message>
        <source>the peer closed the connection</source>
        <translation></translation>
    </message>
    <message>
        <source>the client side closed (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>the server side closed (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose where to send: the client side or the server side of a pair.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TcpServerSession</name>
    <message>
        <source>Listening on %1</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Stopped listening; %n client(s) stay connected.</source>
        <translation>
            <numerusform>Stopped listening; %n client stays connected.</numerusform>
            <numerusform>Stopped listening; %n clients stay connected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not listening (%n client(s) connected)</source>
        <translation>
            <numerusform>Not listening (%n client connected)</numerusform>
            <numerusform>Not listening (%n clients connected)</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected</source>
        <translation></translation>
    </message>
    <message>
        <source>No client is connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>Listening on %1 (every interface: other machines can connect)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TextCodec</name>
    <message>
        <source>Character &apos;%1&apos; (%2) at position %3 cannot be encoded in %4.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) cannot be encoded either.</source>
        <translation>
            <numerusform>%n more character cannot be encoded either.</numerusform>
            <numerusform>%n more characters cannot be encoded either.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::TlsCertificates</name>
    <message>
        <source>(empty)</source>
        <translation></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation></translation>
    </message>
    <message>
        <source>valid</source>
        <translation></translation>
    </message>
    <message>
        <source>expired</source>
        <translation></translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Valid from %1 until %2 (%3)</source>
        <translation></translation>
    </message>
    <message>
        <source>DNS names: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>IP addresses: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Self-signed: yes</source>
        <translation></translation>
    </message>
    <message>
        <source>Self-signed: no</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate %1 (peer)</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot generate a certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot generate a certificate: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TlsDialog</name>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS options</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS towards clients (terminate)</source>
        <translation></translation>
    </message>
    <message>
        <source>Clients connect with TLS and see our certificate; the relay decrypts what they send.</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS towards the upstream (originate)</source>
        <translation></translation>
    </message>
    <message>
        <source>The relay connects to the server with TLS and verifies its certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation></translation>
    </message>
    <message>
        <source>Towards clients: our certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>This server&apos;s certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>Not asked for</source>
        <translation></translation>
    </message>
    <message>
        <source>Optional (verified when shown)</source>
        <translation></translation>
    </message>
    <message>
        <source>Required (mutual TLS)</source>
        <translation></translation>
    </message>
    <message>
        <source>Whether clients must show a certificate of their own. It is verified against the CA file (empty: the system&apos;s CAs).</source>
        <translation></translation>
    </message>
    <message>
        <source>Client certificates</source>
        <translation></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation></translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs</source>
        <translation></translation>
    </message>
    <message>
        <source>Client certificates are verified against these CA certificates (PEM).</source>
        <translation></translation>
    </message>
    <message>
        <source>e.g. h2, http/1.1, mqtt</source>
        <translation></translation>
    </message>
    <message>
        <source>Application protocols (ALPN) to agree on, comma-separated, the preferred first. Empty: none.</source>
        <translation></translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation></translation>
    </message>
    <message>
        <source>Whether clients must show a certificate of their own. It is verified against the CA file of the upstream section (empty: the system&apos;s CAs).</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>Our certificate (PEM), optionally followed by its chain.</source>
        <translation></translation>
    </message>
    <message>
        <source>Key</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate&apos;s private key (PEM). An encrypted key asks for its passphrase at each start; the passphrase is never saved.</source>
        <translation></translation>
    </message>
    <message>
        <source>Generate a throwaway certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>A new self-signed certificate for localhost, 127.0.0.1 and ::1, valid 30 days, for tests on this machine. Clients must be told to trust it (its fingerprint, or the saved certificate).</source>
        <translation></translation>
    </message>
    <message>
        <source>Save certificate…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the generated certificate, e.g. as a CA file for clients.</source>
        <translation></translation>
    </message>
    <message>
        <source>Save key…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the generated private key (readable by you only).</source>
        <translation></translation>
    </message>
    <message>
        <source>A new throwaway certificate at each start, kept in memory only</source>
        <translation></translation>
    </message>
    <message>
        <source>No files: its fingerprint is in the log and under Certificates… once started.</source>
        <translation></translation>
    </message>
    <message>
        <source>Towards the upstream server</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>Check that the certificate was issued by a trusted CA for this server name and is valid now.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not verifying: whoever sits between you and the server can pretend to be it and read everything. Errors are only logged. For this run only (not remembered).</source>
        <translation></translation>
    </message>
    <message>
        <source>Trust only these CA certificates (PEM) — e.g. a saved throwaway certificate. Empty: the system&apos;s trusted CAs.</source>
        <translation></translation>
    </message>
    <message>
        <source>The name sent as SNI and checked against the certificate. Empty: the host connected to.</source>
        <translation></translation>
    </message>
    <message>
        <source>Server name (SNI)</source>
        <translation></translation>
    </message>
    <message>
        <source>Application protocols (ALPN) to offer, comma-separated, the preferred first. Empty: none.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>none</source>
        <translation></translation>
    </message>
    <message>
        <source>Our certificate for servers that ask for one (mutual TLS), PEM.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation></translation>
    </message>
    <message>
        <source>The client certificate&apos;s private key (PEM).</source>
        <translation></translation>
    </message>
    <message>
        <source>the host connected to</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · %2 until %3</source>
        <translation></translation>
    </message>
    <message>
        <source> · self-signed</source>
        <translation></translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>No certificate was made: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Generated: self-signed for localhost, 127.0.0.1 and ::1.
SHA-256 fingerprint: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 cannot be created.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate saved to %1.
SHA-256 fingerprint: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Save private key</source>
        <translation></translation>
    </message>
    <message>
        <source>Key saved to %1 (readable by you only).</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS options</source>
        <translation></translation>
    </message>
    <message>
        <source>The name checked against the server&apos;s certificate. Empty: the remote host.</source>
        <translation></translation>
    </message>
    <message>
        <source>Server name</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS sends no server name (SNI) to the server; the name is only checked against its certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS server (our certificate)</source>
        <translation></translation>
    </message>
    <message>
        <source>DTLS client (to the remote target)</source>
        <translation></translation>
    </message>
    <message>
        <source>A server shows its certificate to the clients that send to it; a client shakes hands with the remote address of the tab and verifies its certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Role</source>
        <translation></translation>
    </message>
    <message>
        <source>A DTLS server needs a certificate and its key file: choose both, or generate a throwaway certificate.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TlsErrors</name>
    <message>
        <source>the peer&apos;s certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>none</source>
        <translation></translation>
    </message>
    <message>
        <source>Host name mismatch: %1 does not name this host (it names: %2).</source>
        <translation></translation>
    </message>
    <message>
        <source>Host name mismatch: %1 is not for %2 (it names: %3).</source>
        <translation></translation>
    </message>
    <message>
        <source>Self-signed: %1 signed itself and is not among the trusted certificates.</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown issuer: the chain of %1 ends in a self-signed certificate that is not trusted.</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown issuer: the issuer of %1 was not sent and is not trusted (a missing intermediate certificate?).</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown issuer: %1 was issued by an authority that is not trusted.</source>
        <translation></translation>
    </message>
    <message>
        <source>Expired: %1 was valid until %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not yet valid: %1 is valid from %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Malformed: the validity dates of %1 cannot be read.</source>
        <translation></translation>
    </message>
    <message>
        <source>Revoked: the issuer of %1 has withdrawn it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Bad signature: the signature on %1 does not verify.</source>
        <translation></translation>
    </message>
    <message>
        <source>Broken chain: the issuer named in %1 is not the certificate that follows it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not an authority: %1 signs other certificates but may not.</source>
        <translation></translation>
    </message>
    <message>
        <source>Chain too long: %1 is further from its authority than that authority allows.</source>
        <translation></translation>
    </message>
    <message>
        <source>Wrong purpose: %1 is not meant for this side of a TLS connection.</source>
        <translation></translation>
    </message>
    <message>
        <source>No certificate: the peer did not send one.</source>
        <translation></translation>
    </message>
    <message>
        <source>Rejected: %1 is marked as not to be trusted.</source>
        <translation></translation>
    </message>
    <message>
        <source>Revocation status unknown for %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer does not speak TLS: its first bytes are not a TLS record (plaintext on a TLS port?).</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer closed the connection without answering: it does not speak TLS, or it refused the handshake.</source>
        <translation></translation>
    </message>
    <message>
        <source>No shared protocol version or cipher: the peer accepts none of those offered.</source>
        <translation></translation>
    </message>
    <message>
        <source>No shared application protocol (ALPN).</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer rejected the certificate it was shown.</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer requires a client certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer ended the handshake with a TLS alert.</source>
        <translation></translation>
    </message>
    <message>
        <source>The TLS handshake timed out.</source>
        <translation></translation>
    </message>
    <message>
        <source>The TLS handshake failed.</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer refused the handshake (alert handshake_failure): it shares no protocol version or cipher with us, or it wants a client certificate.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TlsFiles</name>
    <message>
        <source>Cannot write the private key to %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 file %2 does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 file %2 cannot be read: %3.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 file %2 is too big for a PEM file.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 file %2 is empty.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 file %2 holds no certificate (PEM or DER expected).</source>
        <translation></translation>
    </message>
    <message>
        <source>key</source>
        <translation></translation>
    </message>
    <message>
        <source>The key file %1 is encrypted: it needs its passphrase.</source>
        <translation></translation>
    </message>
    <message>
        <source>The key file %1 does not open with this passphrase.</source>
        <translation></translation>
    </message>
    <message>
        <source>The key file %1 holds no private key (PEM expected).</source>
        <translation></translation>
    </message>
    <message>
        <source>CA</source>
        <translation></translation>
    </message>
    <message>
        <source>A TLS server needs a certificate file and its key file (or a generated throwaway certificate).</source>
        <translation></translation>
    </message>
    <message>
        <source>A client certificate needs its key file too.</source>
        <translation></translation>
    </message>
    <message>
        <source>certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>The key file %1 is not the key of the certificate in %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 file %2 is not a regular file.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TlsHandshake</name>
    <message>
        <source>The connection had already carried bytes before TLS.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>The peer sent nothing in %n second(s): it may be waiting for the server to speak first, as plaintext protocols do.</source>
        <translation>
            <numerusform>The peer sent nothing in %n second: it may be waiting for the server to speak first, as plaintext protocols do.</numerusform>
            <numerusform>The peer sent nothing in %n seconds: it may be waiting for the server to speak first, as plaintext protocols do.</numerusform>
        </translation>
    </message>
    <message>
        <source>The peer reset the connection before the TLS handshake.</source>
        <translation></translation>
    </message>
    <message>
        <source>It sent &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The client&apos;s certificate was not accepted: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The client sent no certificate, and this server requires one.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::TlsLink</name>
    <message>
        <source>closed by you</source>
        <translation></translation>
    </message>
    <message>
        <source>the peer closed the connection</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>closed by you; %n byte(s) queued for it were not sent</source>
        <translation>
            <numerusform>closed by you; %n byte queued for it were not sent</numerusform>
            <numerusform>closed by you; %n bytes queued for it were not sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockscope::TlsVerificationBar</name>
    <message>
        <source>Show certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>Connect anyway this time</source>
        <translation></translation>
    </message>
    <message>
        <source>Start once more accepting these errors (they are logged). The next start verifies again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s certificate was refused, so no connection to it was made:</source>
        <translation></translation>
    </message>
    <message>
        <source>No reason was given.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::UdpRelaySession</name>
    <message>
        <source>No server to relay to: give its host and port.</source>
        <translation></translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot find the server %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot bind %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Bound to %1; relaying datagrams to %2</source>
        <translation></translation>
    </message>
    <message>
        <source>closed by you</source>
        <translation></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>the limit of %n client(s) is reached</source>
        <translation>
            <numerusform>the limit of %n client is reached</numerusform>
            <numerusform>the limit of %n clients is reached</numerusform>
        </translation>
    </message>
    <message>
        <source>New client; passing its datagrams to %1 from %2</source>
        <translation></translation>
    </message>
    <message>
        <source>the hold is full</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Released %n held datagram(s).</source>
        <translation>
            <numerusform>Released %n held datagram.</numerusform>
            <numerusform>Released %n held datagrams.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n held datagram(s); they were not passed on.</source>
        <translation>
            <numerusform>Dropped %n held datagram; they were not passed on.</numerusform>
            <numerusform>Dropped %n held datagrams; they were not passed on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A datagram of %n byte(s) was lost: %1</source>
        <translation>
            <numerusform>A datagram of %n byte was lost: %1</numerusform>
            <numerusform>A datagram of %n bytes was lost: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A datagram was lost: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>no datagram either way for %1 s</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose where to send: the client side or the server side of a pair.</source>
        <translation></translation>
    </message>
    <message>
        <source>A UDP datagram can carry at most %1 bytes; this message has %2 bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>too many datagrams wait for the shaping</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>sockscope::UdpSession</name>
    <message>
        <source>Looking up %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot bind %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Bound to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>sending to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Socket closed.</source>
        <translation></translation>
    </message>
    <message>
        <source>socket closed</source>
        <translation></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown peer.</source>
        <translation></translation>
    </message>
    <message>
        <source>A UDP datagram can carry at most %1 bytes over %2; this message has %3 bytes. Split it, or use TCP.</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing to send: the message is empty.</source>
        <translation></translation>
    </message>
    <message>
        <source>The UDP socket is not open.</source>
        <translation></translation>
    </message>
    <message>
        <source>No datagram has been received yet, so there is no sender to reply to.</source>
        <translation></translation>
    </message>
    <message>
        <source>No remote address is set.</source>
        <translation></translation>
    </message>
    <message>
        <source>forgotten</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending to the broadcast address %1 needs the Broadcast option.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>forgotten: more than %n senders</source>
        <translation>
            <numerusform>forgotten: more than %n sender</numerusform>
            <numerusform>forgotten: more than %n senders</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a multicast group address (IPv4: 224.0.0.0 to 239.255.255.255, IPv6: ff00::/8).</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no network interface named %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The IPv4 group %1 cannot be joined on a socket bound to %2. Bind to 0.0.0.0 (all IPv4 interfaces) to join it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The IPv6 group %1 cannot be joined on a socket bound to %2. Bind to :: to join it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not joined: a socket bound to %1 never receives datagrams sent to the group %2 (they are addressed to the group). Bind to 0.0.0.0 (or ::) to receive multicast.</source>
        <translation></translation>
    </message>
    <message>
        <source>the default interface</source>
        <translation></translation>
    </message>
    <message>
        <source>Rejoined multicast group %1 on %2 (joined before the socket was reopened).</source>
        <translation></translation>
    </message>
    <message>
        <source>Joined multicast group %1 on %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not join multicast group %1 on %2: %3</source>
        <translation></translation>
    </message>
    <message>
        <source>Already joined multicast group %1 on %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Multicast group %1 on %2 will be joined when the socket opens.</source>
        <translation></translation>
    </message>
    <message>
        <source>Multicast group %1 not rejoined: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Not a member of multicast group %1 on %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Left multicast group %1 on %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not leave multicast group %1 on %2: %3</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot read from %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Receive failed: %1</source>
        <translation></translation>
    </message>
</context>
</TS>
