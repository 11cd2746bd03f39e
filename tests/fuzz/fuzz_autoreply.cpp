// Auto-reply rule files: arbitrary bytes as rules JSON never crash the loader; a refused file
// says why; an accepted one saves and re-loads to the same configuration and the same JSON
// (no warnings the second time); loadJson() agrees with fromJson() + setConfig() and with
// checkRule(); and installed rules answer arbitrary frames within the documented limits.
//
// Input: the JSON, then optionally a NUL byte followed by frames, each as a length byte and
// that many bytes (JSON text never contains a raw NUL, so the split is unambiguous).
#include "fuzzcommon.h"

#include "core/autoreply/autoreply.h"

using namespace sockscope;

namespace {

QList<QByteArray> framesFrom(QByteArrayView tail)
{
    QList<QByteArray> frames;
    qsizetype pos = 0;
    while (pos < tail.size() && frames.size() < 16) {
        const qsizetype len = qMin<qsizetype>(uchar(tail.at(pos)), tail.size() - pos - 1);
        frames.append(tail.sliced(pos + 1, len).toByteArray());
        pos += 1 + len;
    }
    return frames;
}

void checkReplies(AutoReplyRules &rules, const QList<QByteArray> &frames)
{
    const AutoReplyConfig &config = rules.config();
    for (const QByteArray &frame : frames) {
        const QList<AutoReply> replies = rules.repliesFor(frame);
        const QList<AutoReply> again = rules.repliesFor(frame); // no state between frames
        FUZZ_CHECK(replies.size() == again.size());
        for (qsizetype i = 0; i < replies.size(); ++i) {
            const AutoReply &r = replies.at(i);
            FUZZ_CHECK(r.bytes == again.at(i).bytes && r.delayMs == again.at(i).delayMs &&
                       r.source == again.at(i).source);
            FUZZ_CHECK(r.bytes.size() <= AutoReplyRules::MaxReplyBytes ||
                       r.source == QStringLiteral("echo"));
            FUZZ_CHECK(r.delayMs >= 0 && r.delayMs <= AutoReplyRules::MaxDelayMs);
            FUZZ_CHECK(!r.source.isEmpty());
        }
        if (config.echo == AutoReplyConfig::EchoMode::Always) {
            FUZZ_CHECK(!replies.isEmpty() && replies.front().bytes == frame &&
                       replies.front().source == QStringLiteral("echo"));
        }
        if (config.matchMode == AutoReplyConfig::MatchMode::FirstMatch) {
            qsizetype ruleReplies = 0;
            for (const AutoReply &r : replies)
                ruleReplies += r.source == QStringLiteral("echo") ? 0 : 1;
            FUZZ_CHECK(ruleReplies <= 1);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nul = input.indexOf('\0');
    const QByteArrayView json = nul < 0 ? input : input.first(nul);
    const QList<QByteArray> frames =
        nul < 0 ? QList<QByteArray>{json.toByteArray()} : framesFrom(input.sliced(nul + 1));

    AutoReplyIssue error;
    QStringList warnings;
    const std::optional<AutoReplyConfig> config = AutoReplyRules::fromJson(json, &error, &warnings);

    AutoReplyRules loaded;
    AutoReplyIssue loadError;
    const bool loadedOk = loaded.loadJson(json, &loadError);

    if (!config) {
        FUZZ_CHECK(!error.message.isEmpty());
        FUZZ_CHECK(!error.toString().isEmpty());
        FUZZ_CHECK(!loadedOk);
        FUZZ_CHECK(loaded.config() == AutoReplyConfig()); // nothing installed
        return 0;
    }
    FUZZ_CHECK(config->rules.size() <= AutoReplyRules::MaxRules);

    // Save -> load is stable.
    const QByteArray saved = AutoReplyRules::toJson(*config);
    AutoReplyIssue savedError;
    QStringList savedWarnings;
    const std::optional<AutoReplyConfig> reloaded =
        AutoReplyRules::fromJson(saved, &savedError, &savedWarnings);
    FUZZ_CHECK_MSG(reloaded.has_value(), saved.left(2000) + "\n" + savedError.toString().toUtf8());
    FUZZ_CHECK_MSG(*reloaded == *config, saved.left(2000));
    FUZZ_CHECK_MSG(savedWarnings.isEmpty(), savedWarnings.join(u'\n').toUtf8());
    FUZZ_CHECK(AutoReplyRules::toJson(*reloaded) == saved);

    // loadJson() == fromJson() + setConfig(); checkRule() agrees rule by rule.
    AutoReplyRules rules;
    AutoReplyIssue setError;
    const bool setOk = rules.setConfig(*config, &setError);
    FUZZ_CHECK(setOk == loadedOk);
    bool allRulesOk = true;
    for (const AutoReplyRule &rule : config->rules) {
        const std::optional<AutoReplyIssue> issue =
            AutoReplyRules::checkRule(rule, config->encoding);
        if (issue) {
            allRulesOk = false;
            FUZZ_CHECK(!issue->message.isEmpty());
        }
    }
    if (setOk) {
        FUZZ_CHECK(allRulesOk);
        FUZZ_CHECK(rules.config() == *config);
        FUZZ_CHECK(rules.saveJson() == saved);
        FUZZ_CHECK(loaded.saveJson() == saved);
        checkReplies(rules, frames);
    } else {
        FUZZ_CHECK(!setError.message.isEmpty());
        FUZZ_CHECK(rules.config() == AutoReplyConfig());
        if (setError.ruleIndex >= 0) {
            FUZZ_CHECK(setError.ruleIndex < config->rules.size());
            FUZZ_CHECK(
                AutoReplyRules::checkRule(config->rules.at(setError.ruleIndex), config->encoding)
                    .has_value());
        }
    }
    return 0;
}
