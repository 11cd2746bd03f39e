// The auto-reply rule file (docs/auto-reply.md): AutoReplyRules::toJson, fromJson, loadJson.
#include "core/autoreply/autoreply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <climits>
#include <cmath>

namespace sockscope {

namespace {

using Match = AutoReplyRule::Match;
using Format = AutoReplyRule::Format;
using MatchMode = AutoReplyConfig::MatchMode;
using EchoMode = AutoReplyConfig::EchoMode;

const QString kFormatTag = QStringLiteral("sockscope-auto-reply");

AutoReplyIssue issue(const QString &field, qsizetype position, const QString &message)
{
    return AutoReplyIssue::at(field, position, message);
}

// Reads an integral JSON number in [min, max].
bool readInt(const QJsonValue &v, int min, int max, int *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < min || d > max)
        return false;
    *out = int(d);
    return true;
}

QString matchName(Match m)
{
    switch (m) {
    case Match::ExactBytes:
        return QStringLiteral("exact");
    case Match::HexPattern:
        return QStringLiteral("hex");
    case Match::Substring:
        return QStringLiteral("substring");
    case Match::Regex:
        return QStringLiteral("regex");
    }
    return {};
}

QString formatName(Format f)
{
    return f == Format::Hex ? QStringLiteral("hex") : QStringLiteral("text");
}

QString matchModeName(MatchMode m)
{
    return m == MatchMode::AllMatches ? QStringLiteral("all") : QStringLiteral("first");
}

QString echoName(EchoMode e)
{
    switch (e) {
    case EchoMode::Off:
        return QStringLiteral("off");
    case EchoMode::Fallback:
        return QStringLiteral("fallback");
    case EchoMode::Always:
        return QStringLiteral("always");
    }
    return {};
}

template <typename E>
bool enumFromName(const QString &name, const QList<E> &values, QString (*toName)(E), E *out)
{
    for (E e : values) {
        if (toName(e) == name) {
            *out = e;
            return true;
        }
    }
    return false;
}

} // namespace

QJsonObject AutoReplyRules::ruleToJson(const AutoReplyRule &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("enabled"), r.enabled);
    o.insert(QStringLiteral("match"), matchName(r.match));
    o.insert(QStringLiteral("pattern"), r.pattern);
    o.insert(QStringLiteral("patternFormat"), formatName(r.patternFormat));
    o.insert(QStringLiteral("contains"), r.contains);
    o.insert(QStringLiteral("ignoreCase"), r.ignoreCase);
    o.insert(QStringLiteral("reply"), r.reply);
    o.insert(QStringLiteral("replyFormat"), formatName(r.replyFormat));
    o.insert(QStringLiteral("delayMs"), r.delayMs);
    return o;
}

QByteArray AutoReplyRules::toJson(const AutoReplyConfig &config)
{
    QJsonArray rules;
    for (const AutoReplyRule &r : config.rules)
        rules.append(ruleToJson(r));
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormatTag);
    root.insert(QStringLiteral("version"), SchemaVersion);
    root.insert(QStringLiteral("encoding"), encodingName(config.encoding));
    root.insert(QStringLiteral("matchMode"), matchModeName(config.matchMode));
    root.insert(QStringLiteral("echo"), echoName(config.echo));
    root.insert(QStringLiteral("echoDelayMs"), config.echoDelayMs);
    root.insert(QStringLiteral("rules"), rules);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

namespace {

// Reads one JSON object field by field, remembering the first error.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject &object, int ruleIndex, QStringList *warnings)
        : m_object(object), m_ruleIndex(ruleIndex), m_warnings(warnings)
    {}

    bool failed() const { return m_error.has_value(); }
    AutoReplyIssue error() const { return *m_error; }

    void warnUnknown(const QStringList &known)
    {
        if (!m_warnings)
            return;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (known.contains(it.key()))
                continue;
            const QString key = it.key().left(64);
            m_warnings->append(m_ruleIndex >= 0
                                   ? AutoReplyRules::tr("Rule %1: unknown field \"%2\" ignored")
                                         .arg(m_ruleIndex + 1)
                                         .arg(key)
                                   : AutoReplyRules::tr("Unknown field \"%1\" ignored").arg(key));
        }
    }

    // Returns false when the field is absent (and sets an error if required).
    bool has(const QString &key, bool required)
    {
        if (failed())
            return false;
        if (m_object.contains(key))
            return true;
        if (required)
            fail(key, AutoReplyRules::tr("required field is missing"));
        return false;
    }

    void readString(const QString &key, bool required, int maxChars, QString *out)
    {
        if (!has(key, required))
            return;
        const QJsonValue v = m_object.value(key);
        if (!v.isString())
            return fail(key, AutoReplyRules::tr("must be a string"));
        const QString s = v.toString();
        if (s.size() > maxChars)
            return fail(key, AutoReplyRules::tr("longer than %1 characters").arg(maxChars));
        *out = s;
    }

    void readBool(const QString &key, bool *out)
    {
        if (!has(key, false))
            return;
        const QJsonValue v = m_object.value(key);
        if (!v.isBool())
            return fail(key, AutoReplyRules::tr("must be true or false"));
        *out = v.toBool();
    }

    void readInt(const QString &key, bool required, int min, int max, int *out)
    {
        if (!has(key, required))
            return;
        if (!sockscope::readInt(m_object.value(key), min, max, out))
            return fail(
                key, AutoReplyRules::tr("must be a whole number from %1 to %2").arg(min).arg(max));
    }

    template <typename E>
    void readEnum(const QString &key, bool required, const QList<E> &values, QString (*toName)(E),
                  E *out)
    {
        QString name;
        readString(key, required, 64, &name);
        if (failed() || !m_object.contains(key))
            return;
        if (!enumFromName(name, values, toName, out)) {
            QStringList allowed;
            for (E e : values)
                allowed << QLatin1Char('"') + toName(e) + QLatin1Char('"');
            fail(key, AutoReplyRules::tr("\"%1\" is not one of %2")
                          .arg(name, allowed.join(QStringLiteral(", "))));
        }
    }

    void fail(const QString &key, const QString &message)
    {
        if (failed())
            return;
        AutoReplyIssue i = issue(key, -1, message);
        i.ruleIndex = m_ruleIndex;
        m_error = i;
    }

    const QJsonObject &object() const { return m_object; }

private:
    QJsonObject m_object;
    int m_ruleIndex;
    QStringList *m_warnings;
    std::optional<AutoReplyIssue> m_error;
};

const QList<Match> kMatches{Match::ExactBytes, Match::HexPattern, Match::Substring, Match::Regex};
const QList<Format> kFormats{Format::Text, Format::Hex};
const QList<MatchMode> kMatchModes{MatchMode::FirstMatch, MatchMode::AllMatches};
const QList<EchoMode> kEchoModes{EchoMode::Off, EchoMode::Fallback, EchoMode::Always};

} // namespace

namespace {

// The file's top level: format tag, version and the set's settings; `rules` must be an array.
void readHeader(ObjectReader &root, AutoReplyConfig *config)
{
    QString format;
    root.readString(QStringLiteral("format"), true, 64, &format);
    if (!root.failed() && format != kFormatTag)
        root.fail(
            QStringLiteral("format"),
            AutoReplyRules::tr("not an auto-reply rule file (expected \"%1\")").arg(kFormatTag));
    int version = 0;
    root.readInt(QStringLiteral("version"), true, 1, INT_MAX, &version);
    if (!root.failed() && version != AutoReplyRules::SchemaVersion)
        root.fail(QStringLiteral("version"),
                  AutoReplyRules::tr("version %1 is not supported (this build reads version %2)")
                      .arg(version)
                      .arg(AutoReplyRules::SchemaVersion));
    QString encoding;
    root.readString(QStringLiteral("encoding"), false, 64, &encoding);
    if (!root.failed() && root.object().contains(QStringLiteral("encoding")) &&
        !encodingFromName(encoding, &config->encoding))
        root.fail(QStringLiteral("encoding"),
                  AutoReplyRules::tr("unknown encoding \"%1\" (use UTF-8, GBK or Latin-1)")
                      .arg(encoding));
    root.readEnum(QStringLiteral("matchMode"), false, kMatchModes, &matchModeName,
                  &config->matchMode);
    root.readEnum(QStringLiteral("echo"), false, kEchoModes, &echoName, &config->echo);
    root.readInt(QStringLiteral("echoDelayMs"), false, 0, AutoReplyRules::MaxDelayMs,
                 &config->echoDelayMs);
    if (root.has(QStringLiteral("rules"), true) &&
        !root.object().value(QStringLiteral("rules")).isArray())
        root.fail(QStringLiteral("rules"), AutoReplyRules::tr("must be an array"));
}

// One entry of `rules`; nullopt with *error set when it is not a valid rule.
std::optional<AutoReplyRule> readRule(const QJsonValue &value, int index, QStringList *warnings,
                                      AutoReplyIssue *error)
{
    if (!value.isObject()) {
        *error = issue({}, -1, AutoReplyRules::tr("each rule must be an object"));
        error->ruleIndex = index;
        return std::nullopt;
    }
    ObjectReader r(value.toObject(), index, warnings);
    AutoReplyRule rule;
    r.readString(QStringLiteral("name"), false, AutoReplyRules::MaxNameChars, &rule.name);
    r.readBool(QStringLiteral("enabled"), &rule.enabled);
    r.readEnum(QStringLiteral("match"), true, kMatches, &matchName, &rule.match);
    r.readString(QStringLiteral("pattern"), true, AutoReplyRules::MaxPatternChars, &rule.pattern);
    r.readEnum(QStringLiteral("patternFormat"), false, kFormats, &formatName, &rule.patternFormat);
    r.readBool(QStringLiteral("contains"), &rule.contains);
    r.readBool(QStringLiteral("ignoreCase"), &rule.ignoreCase);
    r.readString(QStringLiteral("reply"), true, AutoReplyRules::MaxReplyChars, &rule.reply);
    r.readEnum(QStringLiteral("replyFormat"), false, kFormats, &formatName, &rule.replyFormat);
    r.readInt(QStringLiteral("delayMs"), false, 0, AutoReplyRules::MaxDelayMs, &rule.delayMs);
    if (r.failed()) {
        *error = r.error();
        error->ruleName = rule.name;
        return std::nullopt;
    }
    r.warnUnknown({QStringLiteral("name"), QStringLiteral("enabled"), QStringLiteral("match"),
                   QStringLiteral("pattern"), QStringLiteral("patternFormat"),
                   QStringLiteral("contains"), QStringLiteral("ignoreCase"),
                   QStringLiteral("reply"), QStringLiteral("replyFormat"),
                   QStringLiteral("delayMs")});
    return rule;
}

} // namespace

std::optional<AutoReplyConfig> AutoReplyRules::fromJson(QByteArrayView json, AutoReplyIssue *error,
                                                        QStringList *warnings)
{
    auto fail = [error](AutoReplyIssue i) -> std::optional<AutoReplyConfig> {
        if (error)
            *error = std::move(i);
        return std::nullopt;
    };
    if (json.size() > MaxJsonBytes)
        return fail(issue(
            {}, -1, AutoReplyRules::tr("the file is larger than %1 MiB").arg(MaxJsonBytes >> 20)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(issue({}, parseError.offset,
                          AutoReplyRules::tr("not valid JSON: %1").arg(parseError.errorString())));
    if (!doc.isObject())
        return fail(
            issue({}, -1,
                  AutoReplyRules::tr("not an auto-reply rule file: the top level must be an "
                                     "object")));

    ObjectReader root(doc.object(), -1, warnings);
    AutoReplyConfig config;
    readHeader(root, &config);
    if (root.failed())
        return fail(root.error());
    const QJsonArray rules = root.object().value(QStringLiteral("rules")).toArray();
    if (rules.size() > MaxRules)
        return fail(issue(QStringLiteral("rules"), -1,
                          AutoReplyRules::tr("%1 rules: at most %2 are allowed")
                              .arg(rules.size())
                              .arg(MaxRules)));
    root.warnUnknown({QStringLiteral("format"), QStringLiteral("version"),
                      QStringLiteral("encoding"), QStringLiteral("matchMode"),
                      QStringLiteral("echo"), QStringLiteral("echoDelayMs"),
                      QStringLiteral("rules")});
    for (int i = 0; i < rules.size(); ++i) {
        AutoReplyIssue e;
        const std::optional<AutoReplyRule> rule = readRule(rules.at(i), i, warnings, &e);
        if (!rule)
            return fail(e);
        config.rules.append(*rule);
    }
    return config;
}

std::optional<AutoReplyRule> AutoReplyRules::ruleFromJson(const QJsonValue &value, int index,
                                                          AutoReplyIssue *error,
                                                          QStringList *warnings)
{
    AutoReplyIssue e;
    std::optional<AutoReplyRule> rule = readRule(value, index, warnings, &e);
    if (!rule && error)
        *error = e;
    return rule;
}

bool AutoReplyRules::loadJson(QByteArrayView json, AutoReplyIssue *error, QStringList *warnings)
{
    const std::optional<AutoReplyConfig> config = fromJson(json, error, warnings);
    return config && setConfig(*config, error);
}

} // namespace sockscope
