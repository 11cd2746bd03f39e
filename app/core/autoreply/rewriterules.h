#pragma once

#include "core/autoreply/autoreply.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

namespace sockscope {

// One rewrite rule of a relay: the auto-reply matcher (exact, hex with ??, text, regex) picks
// frames of one direction, and the action says what becomes of them. The match fields are an
// AutoReplyRule's; its `reply` is the replacement (Replace only, ${N} captures for a regex) and
// its `delayMs` the delay (Delay, or Replace that also waits). docs/rewrite-rules.md.
struct RewriteRule
{
    enum class Direction
    {
        Both,
        ClientToServer,
        ServerToClient,
    };
    enum class Action
    {
        Replace, // the frame is passed on as the replacement (its delimiter kept)
        Drop,    // the frame is not passed on
        Delay,   // the frame is passed on delayMs later; what follows waits behind it
    };

    Direction direction = Direction::Both;
    Action action = Action::Replace;
    AutoReplyRule match;

    bool appliesTo(bool serverToClient) const
    {
        return direction == Direction::Both ||
               (direction == Direction::ServerToClient) == serverToClient;
    }
    friend bool operator==(const RewriteRule &a, const RewriteRule &b)
    {
        return a.direction == b.direction && a.action == b.action && a.match == b.match;
    }
    friend bool operator!=(const RewriteRule &a, const RewriteRule &b) { return !(a == b); }
};

struct RewriteConfig
{
    Encoding encoding = Encoding::Utf8; // decodes frames for text rules, encodes replacements
    QList<RewriteRule> rules;            // the first enabled rule that matches a frame applies

    friend bool operator==(const RewriteConfig &a, const RewriteConfig &b)
    {
        return a.encoding == b.encoding && a.rules == b.rules;
    }
    friend bool operator!=(const RewriteConfig &a, const RewriteConfig &b) { return !(a == b); }
};

// A relay's rewrite rules, compiled per direction. Frames are matched whole (the framing's
// delimiter not included): a frame cut by the max-frame guard, or a stream's incomplete
// tail, is passed on unchanged.
class RewriteRules
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::RewriteRules)
    Q_DISABLE_COPY_MOVE(RewriteRules)

public:
    static constexpr int SchemaVersion = 1;

    // What becomes of one frame.
    struct Verdict
    {
        enum class Kind
        {
            Pass,     // no rule matched: passed on as it came
            Replaced, // `bytes` (replacement + delimiter) instead, after delayMs
            Dropped,
            Delayed, // the frame (+ delimiter) after delayMs
            Failed,  // a replacement could not be made: passed on unchanged, see `error`
        };
        Kind kind = Kind::Pass;
        int rule = -1; // in config().rules
        QString ruleName;
        QByteArray bytes; // what to pass on (Replaced, Delayed, Failed)
        int delayMs = 0;
    };

    RewriteRules();
    ~RewriteRules();

    // All or nothing, like AutoReplyRules::setConfig(); issue.ruleIndex is in config.rules.
    bool setConfig(const RewriteConfig &config, AutoReplyIssue *error = nullptr);
    const RewriteConfig &config() const { return m_config; }
    // An enabled rule applies to the direction: its frames go through verdict().
    bool isActive(bool serverToClient) const;
    static std::optional<AutoReplyIssue> checkRule(const RewriteRule &rule, Encoding encoding);

    // Regex work budgets are per batch (the frames of one read), as for auto-reply.
    void beginBatch(bool serverToClient);
    QStringList endBatch(bool serverToClient);
    Verdict verdict(bool serverToClient, const QByteArray &frame, const QByteArray &stripped);

    // JSON (docs/rewrite-rules.md): untrusted input, checked like auto-reply files.
    static QByteArray toJson(const RewriteConfig &config);
    static std::optional<RewriteConfig>
    fromJson(QByteArrayView json, AutoReplyIssue *error = nullptr, QStringList *warnings = nullptr);

    // "Rewrite rules: 2 for client→server, 1 for server→client." (enabled ones), for the log.
    static QString describe(const RewriteConfig &config);
    // "replace", "drop", "delay" / "c2s", "s2c", "both": the file's words.
    static QString actionName(RewriteRule::Action action);
    static QString directionName(RewriteRule::Direction direction);

private:
    struct Lane
    {
        AutoReplyRules matcher;
        QList<int> ruleOf; // matcher rule index -> index in m_config.rules
    };
    RewriteConfig m_config;
    std::array<std::unique_ptr<Lane>, 2> m_lanes; // client→server, server→client
};

} // namespace sockscope
