// RewriteRules JSON (docs/rewrite-rules.md). A rule's match fields are read by the auto-reply
// parser, so both files check them alike; only the rewrite words are read here.
#include "core/autoreply/rewriterules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sockscope {

namespace {

const QString kFormatTag = QStringLiteral("sockscope-rewrite-rules");
const QString kReplacement = QStringLiteral("replacement");
const QString kReplacementFormat = QStringLiteral("replacementFormat");

AutoReplyIssue fileIssue(const QString &field, const QString &message, int rule = -1)
{
    AutoReplyIssue i = AutoReplyIssue::at(field, -1, message);
    i.ruleIndex = rule;
    return i;
}

template <typename E>
bool readWord(const QJsonObject &o, const QString &key, const QList<E> &values,
              QString (*toName)(E), E *out, AutoReplyIssue *error, int rule)
{
    if (!o.contains(key))
        return true;
    const QString word = o.value(key).toString();
    for (E e : values) {
        if (o.value(key).isString() && toName(e) == word) {
            *out = e;
            return true;
        }
    }
    QStringList allowed;
    for (E e : values)
        allowed << QLatin1Char('"') + toName(e) + QLatin1Char('"');
    *error = fileIssue(key, RewriteRules::tr("must be one of %1").arg(allowed.join(QStringLiteral(", "))),
                       rule);
    return false;
}

// The rule as the auto-reply parser reads it: replacement → reply (Drop and Delay have none).
QJsonObject asMatcherObject(QJsonObject o)
{
    o.remove(QStringLiteral("direction"));
    o.remove(QStringLiteral("action"));
    o.remove(QStringLiteral("reply"));
    o.remove(QStringLiteral("replyFormat"));
    o.insert(QStringLiteral("reply"), o.take(kReplacement).toString());
    if (o.contains(kReplacementFormat))
        o.insert(QStringLiteral("replyFormat"), o.take(kReplacementFormat));
    return o;
}

std::optional<RewriteRule> readRule(const QJsonValue &value, int index, AutoReplyIssue *error,
                                    QStringList *warnings)
{
    if (!value.isObject()) {
        *error = fileIssue({}, RewriteRules::tr("each rule must be an object"), index);
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    RewriteRule rule;
    const QList<RewriteRule::Action> actions{RewriteRule::Action::Replace,
                                             RewriteRule::Action::Drop,
                                             RewriteRule::Action::Delay};
    const QList<RewriteRule::Direction> directions{RewriteRule::Direction::ClientToServer,
                                                   RewriteRule::Direction::ServerToClient,
                                                   RewriteRule::Direction::Both};
    if (!o.contains(QStringLiteral("action"))) {
        *error = fileIssue(QStringLiteral("action"),
                           RewriteRules::tr("required field is missing"), index);
        return std::nullopt;
    }
    if (!readWord(o, QStringLiteral("action"), actions, &RewriteRules::actionName, &rule.action,
                  error, index) ||
        !readWord(o, QStringLiteral("direction"), directions, &RewriteRules::directionName,
                  &rule.direction, error, index))
        return std::nullopt;
    if (o.contains(kReplacement) && !o.value(kReplacement).isString()) {
        *error = fileIssue(kReplacement, RewriteRules::tr("must be a string"), index);
        return std::nullopt;
    }
    if (o.contains(QStringLiteral("reply")) && warnings)
        warnings->append(RewriteRules::tr("Rule %1: \"reply\" ignored (a rewrite rule has a "
                                          "\"replacement\")")
                             .arg(index + 1));
    AutoReplyIssue e;
    const std::optional<AutoReplyRule> match =
        AutoReplyRules::ruleFromJson(asMatcherObject(o), index, &e, warnings);
    if (!match) {
        if (e.field == QLatin1String("reply"))
            e.field = kReplacement;
        else if (e.field == QLatin1String("replyFormat"))
            e.field = kReplacementFormat;
        *error = e;
        return std::nullopt;
    }
    rule.match = *match;
    return rule;
}

} // namespace

QByteArray RewriteRules::toJson(const RewriteConfig &config)
{
    QJsonArray rules;
    for (const RewriteRule &r : config.rules) {
        QJsonObject o = AutoReplyRules::ruleToJson(r.match);
        o.insert(QStringLiteral("direction"), directionName(r.direction));
        o.insert(QStringLiteral("action"), actionName(r.action));
        o.insert(kReplacement, o.take(QStringLiteral("reply")));
        o.insert(kReplacementFormat, o.take(QStringLiteral("replyFormat")));
        rules.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormatTag);
    root.insert(QStringLiteral("version"), SchemaVersion);
    root.insert(QStringLiteral("encoding"), encodingName(config.encoding));
    root.insert(QStringLiteral("rules"), rules);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<RewriteConfig> RewriteRules::fromJson(QByteArrayView json, AutoReplyIssue *error,
                                                    QStringList *warnings)
{
    auto fail = [error](const AutoReplyIssue &i) -> std::optional<RewriteConfig> {
        if (error)
            *error = i;
        return std::nullopt;
    };
    if (json.size() > AutoReplyRules::MaxJsonBytes)
        return fail(fileIssue({}, tr("the file is larger than %1 MiB")
                                      .arg(AutoReplyRules::MaxJsonBytes >> 20)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        AutoReplyIssue i = fileIssue({}, tr("not valid JSON: %1").arg(parseError.errorString()));
        i.position = parseError.offset;
        return fail(i);
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != kFormatTag)
        return fail(fileIssue(QStringLiteral("format"),
                              tr("not a rewrite rule file (expected \"format\": \"%1\")")
                                  .arg(kFormatTag)));
    if (root.value(QStringLiteral("version")).toInt(-1) != SchemaVersion)
        return fail(fileIssue(QStringLiteral("version"),
                              tr("version %1 is not supported (this build reads version %2)")
                                  .arg(root.value(QStringLiteral("version")).toVariant().toString())
                                  .arg(SchemaVersion)));
    RewriteConfig config;
    if (root.contains(QStringLiteral("encoding")) &&
        !encodingFromName(root.value(QStringLiteral("encoding")).toString(), &config.encoding))
        return fail(fileIssue(QStringLiteral("encoding"),
                              tr("unknown encoding \"%1\" (use UTF-8, GBK or Latin-1)")
                                  .arg(root.value(QStringLiteral("encoding")).toString())));
    if (!root.value(QStringLiteral("rules")).isArray())
        return fail(fileIssue(QStringLiteral("rules"), tr("must be an array of rules")));
    const QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
    if (rules.size() > AutoReplyRules::MaxRules)
        return fail(fileIssue(QStringLiteral("rules"), tr("%1 rules: at most %2 are allowed")
                                                           .arg(rules.size())
                                                           .arg(AutoReplyRules::MaxRules)));
    for (int i = 0; i < rules.size(); ++i) {
        AutoReplyIssue e;
        const std::optional<RewriteRule> rule = readRule(rules.at(i), i, &e, warnings);
        if (!rule)
            return fail(e);
        config.rules.append(*rule);
    }
    for (int i = 0; i < config.rules.size(); ++i) {
        if (auto issue = checkRule(config.rules.at(i), config.encoding)) {
            issue->ruleIndex = i;
            return fail(*issue);
        }
    }
    return config;
}

} // namespace sockscope
