#include "rewritebutton.h"

#include "rewritedialog.h"

#include "core/session/relaycontrol.h"
#include "core/session/session.h"

#include <algorithm>

namespace sockscope {

RewriteButton::RewriteButton(Session *session, QWidget *parent)
    : QPushButton(parent), m_session(session)
{
    setObjectName(QStringLiteral("rewriteButton"));
    connect(this, &QPushButton::clicked, this, &RewriteButton::edit);
    updateText({});
}

void RewriteButton::setSession(Session *session)
{
    m_session = session;
    apply();
}

void RewriteButton::setConfig(const RewriteConfig &config)
{
    m_config = config;
    apply();
}

void RewriteButton::edit()
{
    RewriteDialog dialog(m_config, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setConfig(dialog.config());
}

void RewriteButton::apply()
{
    RelayControl *relay = m_session ? m_session->relay() : nullptr;
    if (!relay)
        return;
    if (relay->rewriteRules() == m_config) {
        updateText({});
        return;
    }
    AutoReplyIssue issue;
    if (relay->setRewriteRules(m_config, &issue)) {
        updateText({});
        return;
    }
    // A saved set that no longer loads: the relay passes everything on as it comes.
    relay->setRewriteRules(RewriteConfig());
    updateText(issue.toString());
}

void RewriteButton::updateText(const QString &problem)
{
    const auto enabled = int(std::count_if(m_config.rules.cbegin(), m_config.rules.cend(),
                                           [](const RewriteRule &r) { return r.match.enabled; }));
    setText(problem.isEmpty() && enabled > 0 ? tr("Rewrite rules (%1)…").arg(enabled)
                                             : tr("Rewrite rules…"));
    setToolTip(problem.isEmpty()
                   ? tr("Rules that replace, drop or delay the frames the relay passes on, in "
                        "one direction or both.") +
                         QLatin1Char('\n') + RewriteRules::describe(m_config)
                   : tr("These rewrite rules were refused; nothing is rewritten: %1").arg(problem));
}

} // namespace sockscope
