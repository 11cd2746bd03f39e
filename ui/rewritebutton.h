#pragma once

#include "core/autoreply/rewriterules.h"

#include <QPushButton>

namespace sockscope {

class Session;

// A relay tab's "Rewrite rules…" button: it keeps the tab's rewrite rules, edits them in a
// RewriteDialog and hands them to the relay (RelayControl::setRewriteRules), at once while it
// runs and for its next start. Its text counts the enabled rules ("Rewrite rules (3)…").
class RewriteButton : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RewriteButton)

public:
    explicit RewriteButton(Session *session, QWidget *parent = nullptr);

    // The relay the rules go to; the tab's new session after a transport change gets them too.
    void setSession(Session *session);
    const RewriteConfig &config() const { return m_config; }
    // Shows and applies them (a set the relay refuses is shown in the tooltip, and the
    // relay keeps running without rules).
    void setConfig(const RewriteConfig &config);

    void edit();

private:
    void apply();
    void updateText(const QString &problem);

    Session *m_session;
    RewriteConfig m_config;
};

} // namespace sockscope
