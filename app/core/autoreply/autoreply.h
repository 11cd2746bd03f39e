#pragma once

#include "core/codec/encoding.h"
#include "core/autoreply/autoreplier.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpressionMatch>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace sockscope {

// One auto-reply rule, as the user edits it and as it is stored in JSON
// (docs/auto-reply.md). Plain data: AutoReplyRules compiles it.
struct AutoReplyRule
{
    enum class Match
    {
        ExactBytes, // the frame equals the pattern bytes
        HexPattern, // hex bytes with "??" wildcards; whole frame, or anywhere with `contains`
        Substring,  // the decoded frame text contains the pattern text
        Regex,      // QRegularExpression search in the decoded frame text; ${N} in the reply
    };
    enum class Format
    {
        Text, // text with escapes (\r \n \xNN \uXXXX ...), text encoded in the set's encoding
        Hex,  // hex bytes, as parseHex() accepts them
    };

    QString name;
    bool enabled = true;
    Match match = Match::Substring;
    QString pattern;
    Format patternFormat = Format::Text; // ExactBytes only; the other types have a fixed format
    bool contains = false;               // HexPattern only
    bool ignoreCase = false;             // Substring and Regex only
    QString reply;                       // empty: the rule matches but sends nothing
    Format replyFormat = Format::Text;
    int delayMs = 0;

    friend bool operator==(const AutoReplyRule &a, const AutoReplyRule &b)
    {
        return a.name == b.name && a.enabled == b.enabled && a.match == b.match &&
               a.pattern == b.pattern && a.patternFormat == b.patternFormat &&
               a.contains == b.contains && a.ignoreCase == b.ignoreCase && a.reply == b.reply &&
               a.replyFormat == b.replyFormat && a.delayMs == b.delayMs;
    }
    friend bool operator!=(const AutoReplyRule &a, const AutoReplyRule &b) { return !(a == b); }
};

// A whole rule set: what a JSON file holds.
struct AutoReplyConfig
{
    enum class MatchMode
    {
        FirstMatch, // only the first matching enabled rule replies
        AllMatches, // every matching enabled rule replies, in list order
    };
    enum class EchoMode
    {
        Off,
        Fallback, // echo frames that no enabled rule matched
        Always,   // echo every frame, before any rule reply
    };

    Encoding encoding = Encoding::Utf8; // decodes frames for text rules, encodes text replies
    MatchMode matchMode = MatchMode::FirstMatch;
    EchoMode echo = EchoMode::Off;
    int echoDelayMs = 0;
    QList<AutoReplyRule> rules;

    friend bool operator==(const AutoReplyConfig &a, const AutoReplyConfig &b)
    {
        return a.encoding == b.encoding && a.matchMode == b.matchMode && a.echo == b.echo &&
               a.echoDelayMs == b.echoDelayMs && a.rules == b.rules;
    }
    friend bool operator!=(const AutoReplyConfig &a, const AutoReplyConfig &b) { return !(a == b); }
};

// Why a rule or a file was refused.
struct AutoReplyIssue
{
    int ruleIndex = -1;      // 0-based; -1 when about the set or the file itself
    QString ruleName;        // as far as known
    QString field;           // JSON key: "pattern", "reply", "delayMs", ...; empty for the file
    qsizetype position = -1; // index in the field's text (hex digit, regex offset, ...), or -1
    QString message;         // translated

    // "Rule 3 “ping”, pattern, position 4: 'G' is not a hex digit" (rule numbers are 1-based)
    QString toString() const;
    static AutoReplyIssue at(const QString &field, qsizetype position, const QString &message)
    {
        AutoReplyIssue i;
        i.field = field;
        i.position = position;
        i.message = message;
        return i;
    }
};

// Device simulation: maps received frames to replies by rules, optionally echoing.
// Rules are compiled once (regexes JIT-optimised, hex patterns and reply templates
// parsed); a frame is decoded to text at most once, and only when a text rule is
// reached. Captured regex groups are copied into the reply as the frame's own
// bytes: they are never parsed as escapes, hex or placeholders.
class AutoReplyRules : public AutoReplier
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::AutoReplyRules)
    Q_DISABLE_COPY_MOVE(AutoReplyRules)

public:
    static constexpr int MaxRules = 1000;
    static constexpr int MaxNameChars = 256;
    static constexpr int MaxPatternChars = 8192;
    static constexpr int MaxReplyChars = 16384;
    static constexpr int MaxDelayMs = 600000;
    static constexpr int MaxPlaceholders = 64;          // ${N} per reply
    static constexpr qsizetype MaxReplyBytes = 1 << 20; // after captures are inserted
    static constexpr qsizetype MaxJsonBytes = 64 << 20;
    static constexpr int SchemaVersion = 1;
    // Regex work bounds (a peer chooses the text; a pattern may backtrack without end on
    // it): backtracking steps for one match, and regex time per batch of frames. A match
    // over its steps skips its rule for the rest of the batch; once the batch's time is
    // spent, regex rules are skipped for the rest of it. Both count as "no match".
    static constexpr int MatchStepLimit = 100000;
    static constexpr int BatchBudgetMs = 20;

    AutoReplyRules();
    ~AutoReplyRules() override;

    // Compiles and installs a configuration. All or nothing: on the first
    // invalid rule (or set setting) nothing changes, false is returned and
    // *error says which rule and why.
    bool setConfig(const AutoReplyConfig &config, AutoReplyIssue *error = nullptr);
    const AutoReplyConfig &config() const;

    // Checks one rule as setConfig() would (for an editor); ruleIndex is left -1.
    static std::optional<AutoReplyIssue> checkRule(const AutoReplyRule &rule, Encoding encoding);

    QList<AutoReply> repliesFor(QByteArrayView frame, QByteArrayView stripped = {}) override;

    // The first enabled rule that matches the frame, whatever the match mode and echo (a
    // relay's rewrite rules use this): its index in config().rules and its reply, captures
    // filled in. `ok` is false when the reply could not be made (a capture not encodable, or
    // longer than MaxReplyBytes); bytes are then empty.
    struct Hit
    {
        int rule = -1;
        QByteArray bytes;
        bool ok = true;
    };
    std::optional<Hit> firstHit(QByteArrayView frame);

    void beginBatch() override;
    QStringList endBatch() override;
    // Why the rule at `ruleIndex` (in config().rules) was last skipped for blowing its
    // budget; empty if it never was since setConfig().
    QString ruleTrouble(int ruleIndex) const;

    // JSON (schema in docs/auto-reply.md). Parsing accepts untrusted input:
    // wrong types, missing required fields, out-of-range values and oversized
    // strings are errors; unknown fields are ignored and reported in *warnings.
    static QByteArray toJson(const AutoReplyConfig &config);
    static std::optional<AutoReplyConfig>
    fromJson(QByteArrayView json, AutoReplyIssue *error = nullptr, QStringList *warnings = nullptr);
    // fromJson() + setConfig(): the file is refused as a whole if any rule is invalid.
    bool loadJson(QByteArrayView json, AutoReplyIssue *error = nullptr,
                  QStringList *warnings = nullptr);
    QByteArray saveJson() const { return toJson(config()); }
    // One rule as in the file's `rules` array (index: 0-based, for messages).
    static QJsonObject ruleToJson(const AutoReplyRule &rule);
    static std::optional<AutoReplyRule> ruleFromJson(const QJsonValue &value, int index,
                                                     AutoReplyIssue *error,
                                                     QStringList *warnings = nullptr);

private:
    struct Compiled;
    struct FrameState;
    struct Batch;
    bool regexMatches(int compiledIndex, FrameState &state, QRegularExpressionMatch *match);
    bool ruleMatches(int compiledIndex, FrameState &state, QRegularExpressionMatch *match);
    bool buildReply(int compiledIndex, FrameState &state, const QRegularExpressionMatch &match,
                    QByteArray *bytes) const;
    std::unique_ptr<Compiled> m_compiled;
    std::unique_ptr<Batch> m_batch; // only between beginBatch() and endBatch()
};

} // namespace sockscope
