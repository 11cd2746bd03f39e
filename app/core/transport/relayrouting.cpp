#include "core/transport/relayrouting.h"

#include "core/autoreply/rewriterules.h"

#include <QCoreApplication>

namespace sockscope {

namespace {

// Marks the frame's Rx record (a replacement that also waits is Rewritten only).
LogRecord::Flags logFlags(RewriteRules::Verdict::Kind kind)
{
    using Kind = RewriteRules::Verdict::Kind;
    switch (kind) {
    case Kind::Replaced:
        return LogRecord::Rewritten;
    case Kind::Dropped:
        return LogRecord::Dropped;
    case Kind::Delayed:
        return LogRecord::Delayed;
    case Kind::Pass:
    case Kind::Failed:
        break;
    }
    return {};
}

} // namespace

FrameRoute routeRelayFrame(RewriteRules &rules, bool serverToClient, const Frame &frame,
                           quint32 partner,
                           const std::function<void(const QByteArray &, int)> &pass,
                           QString *failure)
{
    using Kind = RewriteRules::Verdict::Kind;
    FrameRoute route;
    failure->clear();
    const QByteArray whole = frame.stripped.isEmpty() ? frame.bytes : frame.bytes + frame.stripped;
    if (frame.flags & (Frame::Oversized | Frame::Continuation | Frame::Incomplete)) {
        pass(whole, 0);
        return route;
    }
    const RewriteRules::Verdict v = rules.verdict(serverToClient, frame.bytes, frame.stripped);
    route.flags = logFlags(v.kind);
    route.rule = v.ruleName;
    switch (v.kind) {
    case Kind::Pass:
        pass(whole, 0);
        break;
    case Kind::Replaced:
        route.sent = v.bytes;
        route.sentTo = partner;
        pass(v.bytes, v.delayMs);
        break;
    case Kind::Dropped:
        break;
    case Kind::Delayed:
        pass(v.bytes, v.delayMs);
        break;
    case Kind::Failed:
        *failure = QCoreApplication::translate(
                       "sockscope::RewriteRules",
                       "Rule \u201C%1\u201D: the replacement could not be made (a capture does "
                       "not fit the rules' encoding, or it is too long); passed on unchanged.")
                       .arg(v.ruleName);
        pass(whole, 0);
        break;
    }
    return route;
}

} // namespace sockscope
