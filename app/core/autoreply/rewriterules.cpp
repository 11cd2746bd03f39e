#include "core/autoreply/rewriterules.h"

namespace sockscope {

namespace {

using Action = RewriteRule::Action;

// The matcher's view of a rule: Drop and Delay have nothing to send, so no reply.
AutoReplyRule matcherRule(const RewriteRule &rule)
{
    AutoReplyRule r = rule.match;
    if (rule.action != Action::Replace)
        r.reply.clear();
    return r;
}

} // namespace

RewriteRules::RewriteRules()
{
    for (auto &lane : m_lanes)
        lane = std::make_unique<Lane>();
}

RewriteRules::~RewriteRules() = default;

std::optional<AutoReplyIssue> RewriteRules::checkRule(const RewriteRule &rule, Encoding encoding)
{
    if (auto issue = AutoReplyRules::checkRule(matcherRule(rule), encoding)) {
        if (issue->field == QLatin1String("reply"))
            issue->field = QStringLiteral("replacement");
        return issue;
    }
    auto fail = [&](const QString &field, const QString &message) {
        AutoReplyIssue i = AutoReplyIssue::at(field, -1, message);
        i.ruleName = rule.match.name;
        return std::optional<AutoReplyIssue>(i);
    };
    if (rule.action == Action::Replace && rule.match.reply.isEmpty())
        return fail(QStringLiteral("replacement"),
                    tr("a replace rule needs a replacement (to pass nothing on, use drop)"));
    if (rule.action == Action::Delay && rule.match.delayMs <= 0)
        return fail(QStringLiteral("delayMs"), tr("a delay rule needs a delay above 0 ms"));
    return std::nullopt;
}

bool RewriteRules::setConfig(const RewriteConfig &config, AutoReplyIssue *error)
{
    for (int i = 0; i < config.rules.size(); ++i) {
        if (auto issue = checkRule(config.rules.at(i), config.encoding)) {
            issue->ruleIndex = i;
            if (error)
                *error = *issue;
            return false;
        }
    }
    std::array<std::unique_ptr<Lane>, 2> lanes;
    for (int d = 0; d < 2; ++d) {
        lanes[d] = std::make_unique<Lane>();
        AutoReplyConfig c;
        c.encoding = config.encoding;
        c.matchMode = AutoReplyConfig::MatchMode::FirstMatch;
        for (int i = 0; i < config.rules.size(); ++i) {
            if (!config.rules.at(i).appliesTo(d == 1))
                continue;
            c.rules.append(matcherRule(config.rules.at(i)));
            lanes[d]->ruleOf.append(i);
        }
        AutoReplyIssue issue;
        if (!lanes[d]->matcher.setConfig(c, &issue)) {
            if (issue.ruleIndex >= 0)
                issue.ruleIndex = lanes[d]->ruleOf.value(issue.ruleIndex, -1);
            if (error)
                *error = issue;
            return false;
        }
    }
    m_lanes = std::move(lanes);
    m_config = config;
    return true;
}

bool RewriteRules::isActive(bool serverToClient) const
{
    for (const RewriteRule &rule : m_config.rules) {
        if (rule.match.enabled && rule.appliesTo(serverToClient))
            return true;
    }
    return false;
}

void RewriteRules::beginBatch(bool serverToClient)
{
    m_lanes[serverToClient ? 1 : 0]->matcher.beginBatch();
}

QStringList RewriteRules::endBatch(bool serverToClient)
{
    return m_lanes[serverToClient ? 1 : 0]->matcher.endBatch();
}

RewriteRules::Verdict RewriteRules::verdict(bool serverToClient, const QByteArray &frame,
                                            const QByteArray &stripped)
{
    Lane &lane = *m_lanes[serverToClient ? 1 : 0];
    Verdict v;
    const std::optional<AutoReplyRules::Hit> hit = lane.matcher.firstHit(frame);
    if (!hit)
        return v;
    v.rule = lane.ruleOf.value(hit->rule, -1);
    const RewriteRule &rule = m_config.rules.at(v.rule);
    v.ruleName = rule.match.name;
    v.delayMs = rule.match.delayMs;
    if (!hit->ok) {
        v.kind = Verdict::Kind::Failed;
        v.bytes = frame + stripped;
        v.delayMs = 0;
        return v;
    }
    switch (rule.action) {
    case Action::Replace:
        v.kind = Verdict::Kind::Replaced;
        v.bytes = hit->bytes + stripped;
        break;
    case Action::Drop:
        v.kind = Verdict::Kind::Dropped;
        v.delayMs = 0;
        break;
    case Action::Delay:
        v.kind = Verdict::Kind::Delayed;
        v.bytes = stripped.isEmpty() ? frame : frame + stripped;
        break;
    }
    return v;
}

QString RewriteRules::describe(const RewriteConfig &config)
{
    int c2s = 0;
    int s2c = 0;
    for (const RewriteRule &rule : config.rules) {
        if (!rule.match.enabled)
            continue;
        c2s += rule.appliesTo(false) ? 1 : 0;
        s2c += rule.appliesTo(true) ? 1 : 0;
    }
    if (c2s == 0 && s2c == 0)
        return tr("No rewrite rules: everything is passed on as it comes.");
    return tr("Rewrite rules: %1 for client→server, %2 for server→client.").arg(c2s).arg(s2c);
}

QString RewriteRules::actionName(Action action)
{
    switch (action) {
    case Action::Replace:
        return QStringLiteral("replace");
    case Action::Drop:
        return QStringLiteral("drop");
    case Action::Delay:
        return QStringLiteral("delay");
    }
    return {};
}

QString RewriteRules::directionName(RewriteRule::Direction direction)
{
    switch (direction) {
    case RewriteRule::Direction::Both:
        return QStringLiteral("both");
    case RewriteRule::Direction::ClientToServer:
        return QStringLiteral("c2s");
    case RewriteRule::Direction::ServerToClient:
        return QStringLiteral("s2c");
    }
    return {};
}

} // namespace sockscope
