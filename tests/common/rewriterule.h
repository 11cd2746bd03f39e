// One rewrite rule for a relay's tests, in a line.
#pragma once

#include "core/autoreply/rewriterules.h"

namespace sockscope::test {

inline RewriteRule rule(const QString &name, RewriteRule::Direction direction,
                        AutoReplyRule::Match match, const QString &pattern,
                        RewriteRule::Action action, const QString &replacement = {},
                        int delayMs = 0)
{
    RewriteRule r;
    r.direction = direction;
    r.action = action;
    r.match.name = name;
    r.match.match = match;
    r.match.pattern = pattern;
    r.match.reply = replacement;
    r.match.delayMs = delayMs;
    return r;
}

} // namespace sockscope::test
