#include "certificatepanel.h"

#include "tones.h"

#include "core/tls/certificateinfo.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QPalette>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sockscope {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString dateText(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(esc(label), valueHtml);
}

QString inTone(const QString &text, Tone tone, const QPalette &palette)
{
    return QStringLiteral("<span style='color:%1'><b>%2</b></span>")
        .arg(toneColor(tone, palette).name(), esc(text));
}

QString listOrNone(const QStringList &items)
{
    return items.isEmpty() ? CertificatePanel::tr("(none)") : items.join(QStringLiteral(", "));
}

} // namespace

CertificatePanel::CertificatePanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("certificateText"));
    m_text->setOpenLinks(false);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_text, 1);
    auto *buttons = new QHBoxLayout;
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyCertificate"));
    m_copy->setToolTip(tr("Copy everything shown here as plain text."));
    buttons->addWidget(m_copy);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(plainText()); });
}

void CertificatePanel::setSections(const QList<CertificateSection> &sections)
{
    if (sections == m_sections && !m_text->document()->isEmpty())
        return;
    m_sections = sections;
    // Keep the reader's place when what is shown changes (a handshake finished).
    const int scrolled = m_text->verticalScrollBar() ? m_text->verticalScrollBar()->value() : 0;
    m_text->setHtml(toHtml(sections, palette()));
    m_text->verticalScrollBar()->setValue(scrolled);
    m_copy->setEnabled(!sections.isEmpty());
}

QString CertificatePanel::plainText() const
{
    return toPlainText(m_sections);
}

QStringList CertificatePanel::handshakeLines(const TlsSessionInfo &info)
{
    if (!info.active)
        return {tr("Plain connection: no TLS.")};
    QStringList lines{tr("Protocol: %1").arg(info.protocol), tr("Cipher: %1").arg(info.cipher),
                      tr("ALPN: %1").arg(info.alpn.isEmpty() ? tr("(none agreed)") : info.alpn)};
    if (!info.verifyErrors.isEmpty())
        lines << tr("Verification errors accepted: %1")
                     .arg(info.verifyErrors.join(QStringLiteral("; ")));
    else if (!info.peerChain.isEmpty())
        lines << tr("Verification: %1").arg(tr("no errors"));
    return lines;
}

QString CertificatePanel::handshakeHtml(const TlsSessionInfo &info, const QPalette &palette)
{
    if (!info.active)
        return QStringLiteral("<p>%1</p>").arg(esc(tr("Plain connection: no TLS.")));
    QString html = QStringLiteral("<table>");
    html += row(tr("Protocol"), esc(info.protocol));
    html += row(tr("Cipher"), esc(info.cipher));
    html += row(tr("ALPN"), esc(info.alpn.isEmpty() ? tr("(none agreed)") : info.alpn));
    if (!info.verifyErrors.isEmpty()) {
        QStringList items;
        for (const QString &e : info.verifyErrors)
            items << inTone(e, Tone::Error, palette);
        html += row(tr("Verification errors accepted"), items.join(QStringLiteral("<br>")));
    } else if (!info.peerChain.isEmpty()) {
        html += row(tr("Verification"), esc(tr("no errors")));
    }
    return html + QStringLiteral("</table>");
}

QString CertificatePanel::certificateHtml(const QSslCertificate &certificate, int index,
                                          const QPalette &palette, const QDateTime &now)
{
    const CertificateInfo info(certificate, now);
    const QString heading = index == 0
                                ? tr("Certificate %1 (its own)").arg(index)
                                : tr("Certificate %1 (issuer of %2)").arg(index).arg(index - 1);
    QString validity = esc(info.validityText());
    if (info.validity() != CertificateInfo::Validity::Valid)
        validity = inTone(info.validityText(), Tone::Error, palette);
    QString html = QStringLiteral("<h4>%1</h4><table>").arg(esc(heading));
    html += row(tr("Subject"), esc(info.subject()));
    html += row(tr("Issuer"), esc(info.issuer()));
    html += row(tr("Valid from"), esc(dateText(info.notBefore())));
    html += row(tr("Valid until"), esc(dateText(info.notAfter())));
    html += row(tr("Validity"), validity);
    html += row(tr("DNS names"), esc(listOrNone(info.dnsNames())));
    html += row(tr("IP addresses"), esc(listOrNone(info.ipAddresses())));
    html +=
        row(tr("SHA-256"), QStringLiteral("<code>%1</code>").arg(esc(info.sha256Fingerprint())));
    html += row(tr("Self-signed"), esc(info.isSelfSigned() ? tr("yes") : tr("no")));
    return html + QStringLiteral("</table>");
}

QString CertificatePanel::toHtml(const QList<CertificateSection> &sections, const QPalette &palette,
                                 const QDateTime &now)
{
    QString html;
    for (const CertificateSection &s : sections) {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(s.heading));
        if (s.handshake)
            html += handshakeHtml(s.info, palette);
        if (s.info.peerChain.isEmpty() && !s.whenEmpty.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(esc(s.whenEmpty));
        for (int i = 0; i < s.info.peerChain.size(); ++i)
            html += certificateHtml(s.info.peerChain.at(i), i, palette, now);
    }
    return html;
}

QString CertificatePanel::toPlainText(const QList<CertificateSection> &sections,
                                      const QDateTime &now)
{
    QStringList blocks;
    for (const CertificateSection &s : sections) {
        QStringList lines{s.heading};
        if (s.handshake)
            lines << handshakeLines(s.info);
        if (s.info.peerChain.isEmpty() && !s.whenEmpty.isEmpty())
            lines << s.whenEmpty;
        if (!s.info.peerChain.isEmpty())
            lines << QString() << CertificateInfo::chainText(s.info.peerChain, now);
        blocks << lines.join(QLatin1Char('\n'));
    }
    return blocks.join(QStringLiteral("\n\n"));
}

} // namespace sockscope
