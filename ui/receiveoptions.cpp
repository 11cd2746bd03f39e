#include "receiveoptions.h"

#include "autoreplydialog.h"
#include "framingselector.h"
#include "sessionkinds.h"

#include "core/session/relaycontrol.h"
#include "core/session/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
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
    if (m_session->relay())
        buildRelay(lines, row);
}

void ReceiveOptions::buildFraming(QHBoxLayout *row)
{
    m_framing = new FramingSelector(this);
    m_framing->setObjectName(QStringLiteral("framing"));
    connect(m_framing, &FramingSelector::specChanged, this, &ReceiveOptions::applyFraming);
    row->addWidget(m_framing, 1);
}

// A TCP relay: the server→client framing on a row of its own (two framings with their
// fields would not fit one row at 900 px), the shaping button at its end. A UDP relay has
// no framing: the button goes on the first row.
void ReceiveOptions::buildRelay(QVBoxLayout *lines, QHBoxLayout *row)
{
    if (!m_framing) {
        buildShaping(row);
        return;
    }
    m_framing->setLabelText(tr("C→S &framing"));
    m_framing->setToolTip(tr("How what the client sends (client→server) is cut into messages."));
    m_s2cFraming = new FramingSelector(this);
    m_s2cFraming->setObjectName(QStringLiteral("s2cFraming"));
    m_s2cFraming->setLabelText(tr("S→C fra&ming"));
    m_s2cFraming->setToolTip(tr("How what the server sends (server→client) is cut into "
                                "messages; a device protocol is often framed differently "
                                "each way."));
    m_s2cFraming->offerSameAs(tr("Same as C→S"));
    connect(m_s2cFraming, &FramingSelector::specChanged, m_session, &Session::setUpstreamFraming);
    connect(m_s2cFraming, &FramingSelector::sameAsChosen, this,
            [this] { m_session->setUpstreamFraming(m_framing->spec()); });
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_s2cFraming, 1);
    buildShaping(row2);
    lines->addLayout(row2);
    lines->addWidget(m_s2cFraming->takeSecondLine());
}

void ReceiveOptions::buildShaping(QHBoxLayout *row)
{
    m_shapingButton = new QPushButton(this);
    m_shapingButton->setObjectName(QStringLiteral("shapingButton"));
    connect(m_shapingButton, &QPushButton::clicked, this, &ReceiveOptions::editShaping);
    row->addWidget(m_shapingButton);
    m_shapingDialog = new ShapingDialog(this);
    m_shapingDialog->setObjectName(QStringLiteral("shapingDialog"));
    connect(m_shapingDialog, &QDialog::accepted, this,
            [this] { setShaping(m_shapingDialog->shaping()); });
    applyShaping(); // the button's words
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
    if (m_s2cFraming && !m_s2cFraming->isSameAs())
        r.s2cFraming = m_s2cFraming->spec();
    r.rxChecksum = ChecksumKind(m_rxChecksum->currentData().toInt());
    r.echo = m_echo->isChecked();
    r.rules = m_rulesConfig;
    return r;
}

void ReceiveOptions::setSettings(const ReceiveSettings &r)
{
    if (m_framing)
        m_framing->setSpec(r.framing);
    if (m_s2cFraming) { // after C→S, which frames both ways
        if (r.s2cFraming)
            m_s2cFraming->setSpec(*r.s2cFraming);
        else
            m_s2cFraming->setSameAs();
    }
    m_rxChecksum->setCurrentIndex(m_rxChecksum->findData(int(r.rxChecksum)));
    m_rulesConfig = r.rules;
    m_echo->setChecked(r.echo);
    applyAutoReply();
}

void ReceiveOptions::applyFraming()
{
    if (m_framing)
        m_session->setFraming(m_framing->spec()); // both directions
    if (m_s2cFraming && !m_s2cFraming->isSameAs())
        m_session->setUpstreamFraming(m_s2cFraming->spec());
}

void ReceiveOptions::setShaping(const RelayShaping &shaping)
{
    m_shaping = shaping;
    applyShaping();
}

void ReceiveOptions::editShaping()
{
    m_shapingDialog->setShaping(m_shaping);
    m_shapingDialog->open();
}

// Only what changed: the relay logs every change.
void ReceiveOptions::applyShaping()
{
    RelayControl *relay = m_session->relay();
    if (!relay || !m_shapingButton)
        return;
    for (bool s2c : {false, true})
        if (!sameShaping(relay->shaping(s2c), m_shaping.of(s2c)))
            relay->setShaping(s2c, m_shaping.of(s2c));
    const QString summary = ShapingDialog::summary(m_shaping);
    // Both directions with a latency and a rate say a lot: the button keeps to a width that
    // leaves the S→C framing's fields room at 900 px (the tooltip has it all).
    const QFontMetrics metrics = m_shapingButton->fontMetrics();
    m_shapingButton->setText(
        metrics.elidedText(summary.isEmpty() ? tr("Shaping…") : tr("Shaping: %1").arg(summary),
                           Qt::ElideRight, metrics.averageCharWidth() * 52));
    m_shapingButton->setToolTip(
        summary.isEmpty()
            ? tr("Make this relay a slow network: pass each direction's bytes on later "
                 "(latency) and no faster than a rate.")
            : tr("What the relay passes on is slowed: %1. Click to change it.").arg(summary));
}

void ReceiveOptions::saveState(QSettings &s) const
{
    if (!m_shapingButton)
        return;
    s.setValue(QStringLiteral("shaping/c2sLatencyMs"), m_shaping.c2s.latencyMs);
    s.setValue(QStringLiteral("shaping/c2sBytesPerSecond"), m_shaping.c2s.bytesPerSecond);
    s.setValue(QStringLiteral("shaping/s2cLatencyMs"), m_shaping.s2c.latencyMs);
    s.setValue(QStringLiteral("shaping/s2cBytesPerSecond"), m_shaping.s2c.bytesPerSecond);
}

// A missing or unreadable value keeps what is shown.
void ReceiveOptions::restoreState(const QSettings &s)
{
    if (!m_shapingButton)
        return;
    RelayShaping shaping = m_shaping;
    for (bool s2c : {false, true}) {
        const QString prefix = s2c ? QStringLiteral("shaping/s2c") : QStringLiteral("shaping/c2s");
        bool ok = false;
        const int ms = s.value(prefix + QStringLiteral("LatencyMs")).toInt(&ok);
        if (ok && ms >= 0 && ms <= RelayControl::MaxLatencyMs)
            shaping.of(s2c).latencyMs = ms;
        const qint64 rate = s.value(prefix + QStringLiteral("BytesPerSecond")).toLongLong(&ok);
        if (ok && rate >= 0)
            shaping.of(s2c).bytesPerSecond = rate;
    }
    setShaping(shaping);
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
