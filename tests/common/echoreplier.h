// Auto-reply rules that only echo: every received frame goes back to its sender.
#pragma once

#include "core/autoreply/autoreply.h"

#include <memory>

namespace sockscope::test {

// Echo after `delayMs` (0: on the next pass of the event loop); nullptr if the rules refuse
// the configuration.
inline std::unique_ptr<AutoReplyRules> makeEchoReplier(int delayMs = 0)
{
    AutoReplyConfig config;
    config.echo = AutoReplyConfig::EchoMode::Always;
    config.echoDelayMs = delayMs;
    auto echo = std::make_unique<AutoReplyRules>();
    if (!echo->setConfig(config))
        return nullptr;
    return echo;
}

} // namespace sockscope::test
