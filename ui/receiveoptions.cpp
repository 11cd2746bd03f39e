#include "receiveoptions.h"

#include "autoreplydialog.h"
#include "framingselector.h"
#include "sessionkinds.h"

#include "core/session/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sockscope {

ReceiveOptions::ReceiveOptions(Session *session, const SessionKind &kind, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    auto *lines = new QVBoxLayout(this);
    lines->setContentsMargins(0, 0, 0, 0);
    lines->setSpacing(2);
    auto *row = new QHBoxLayout;
    lines->addLayout(row);
    if (kind.streamFraming) {
        buildFraming(row);
    } else {
        auto *note = new QLabel(tr("UDP keeps message boundaries: one datagram, one row."), this);
        note->setEnabled(false);
        row->addWidget(note, 1);
    }
    buildChecksum(row);
    buildAutoReply(row);
    m_answers = kind.answers;
    if (!m_answers) { // built all the same: settings() and setSettings() stay the same
        m_echo->hide();
        m_autoReplyButton->hide();
        m_autoReplyLabel->hide();
    }
    // The framing's extra fields go under the whole row, so that row stays narrow.
    if (m_framing)
        lines->addWidget(m_framing->takeSecondLine());
}

void ReceiveOptions::buildFraming(QHBoxLayout *row)
{
    m_framing = new FramingSelector(this);
    m_framing->setObjectName(QStringLiteral("framing"));
    connect(m_framing, &FramingSelector::specChanged, m_session, &Session::setFraming);
    row->addWidget(m_framing, 1);
}

void ReceiveOptions::buildChecksum(QHBoxLayout *row)
{
    m_rxChecksum = new QComboBox(this);
    m_rxChecksum->setObjectName(QStringLiteral("rxChecksum"));
    m_rxChecksum->addItem(tr("No check"), int(ChecksumKind::None));
    for (ChecksumKind k : checksumKinds())
        m_rxChecksum->addItem(tr("Check %1").arg(checksumDisplayName(k)), int(k));
    m_rxChecksum->setSizeAdjustPolicy(QComboBox::AdjustToContents); // names are not cut
    m_rxChecksum->setToolTip(tr("Treat the last bytes of each received message as this checksum "
                                "and mark messages where it does not match."));
    connect(m_rxChecksum, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = ChecksumKind(m_rxChecksum->currentData().toInt());
        m_session->setRxChecksum(kind, defaultByteOrder(kind));
    });
    row->addWidget(m_rxChecksum);
}

void ReceiveOptions::buildAutoReply(QHBoxLayout *row)
{
    m_echo = new QCheckBox(tr("Echo"), this);
    m_echo->setObjectName(QStringLiteral("echo"));
    m_echo->setToolTip(tr("Send every received message straight back."));
    connect(m_echo, &QCheckBox::toggled, this, &ReceiveOptions::applyAutoReply);
    row->addWidget(m_echo);
    auto *rules = new QPushButton(tr("Auto-reply…"), this);
    m_autoReplyButton = rules;
    rules->setObjectName(QStringLiteral("autoReplyButton"));
    rules->setToolTip(tr("Rules that answer matching messages automatically (device simulation)."));
    connect(rules, &QPushButton::clicked, this, &ReceiveOptions::editAutoReply);
    row->addWidget(rules);
    m_autoReplyLabel = new QLabel(this);
    m_autoReplyLabel->setObjectName(QStringLiteral("autoReplyState"));
    row->addWidget(m_autoReplyLabel);
}

ReceiveSettings ReceiveOptions::settings() const
{
    ReceiveSettings r;
    if (m_framing)
        r.framing = m_framing->spec();
    r.rxChecksum = ChecksumKind(m_rxChecksum->currentData().toInt());
    r.echo = m_echo->isChecked();
    r.rules = m_rulesConfig;
    return r;
}

void ReceiveOptions::setSettings(const ReceiveSettings &r)
{
    if (m_framing)
        m_framing->setSpec(r.framing);
    m_rxChecksum->setCurrentIndex(m_rxChecksum->findData(int(r.rxChecksum)));
    m_rulesConfig = r.rules;
    m_echo->setChecked(r.echo);
    applyAutoReply();
}

void ReceiveOptions::applyFraming()
{
    if (m_framing)
        m_session->setFraming(m_framing->spec());
}

void ReceiveOptions::editAutoReply()
{
    AutoReplyDialog dialog(m_rulesConfig, this);
    // Mark the rules the core skipped for blowing their budget; only when what it runs is
    // what the dialog shows (a refused set leaves the previous one in m_rules).
    if (m_rules.config().rules == m_rulesConfig.rules) {
        QStringList trouble;
        for (int i = 0; i < m_rulesConfig.rules.size(); ++i)
            trouble << m_rules.ruleTrouble(i);
        dialog.setRuleTrouble(trouble);
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_rulesConfig = dialog.config();
    m_echo->setChecked(m_rulesConfig.echo != AutoReplyConfig::EchoMode::Off);
    applyAutoReply();
}

void ReceiveOptions::applyAutoReply()
{
    AutoReplyConfig config = m_rulesConfig;
    if (m_echo->isChecked() && config.echo == AutoReplyConfig::EchoMode::Off)
        config.echo = config.rules.isEmpty() ? AutoReplyConfig::EchoMode::Always
                                             : AutoReplyConfig::EchoMode::Fallback;
    if (!m_echo->isChecked())
        config.echo = AutoReplyConfig::EchoMode::Off;
    m_rulesConfig.echo = config.echo;
    AutoReplyIssue issue;
    const bool any = m_answers && (config.echo != AutoReplyConfig::EchoMode::Off ||
                                   !config.rules.isEmpty());
    if (!any || !m_rules.setConfig(config, &issue)) {
        m_session->setAutoReplier(nullptr);
        m_autoReplyLabel->setText(any ? issue.toString() : QString());
        return;
    }
    m_session->setAutoReplier(&m_rules);
    int enabled = 0;
    for (const AutoReplyRule &r : config.rules)
        enabled += r.enabled ? 1 : 0;
    m_autoReplyLabel->setText(enabled ? tr("%n rule(s) active", nullptr, enabled) : QString());
}

void ReceiveOptions::addToRow(QWidget *widget)
{
    if (auto *row = qobject_cast<QBoxLayout *>(layout()->itemAt(0)->layout()))
        row->addWidget(widget);
}

} // namespace sockscope
