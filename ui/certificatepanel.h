#pragma once

#include "core/tls/tlssessioninfo.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QWidget>

class QPalette;
class QPushButton;
class QTextBrowser;

namespace sockscope {

// One block of the certificate panel: a heading ("Peer 127.0.0.1:5000", "Our certificate"),
// optionally the handshake it comes from, and the certificates, the peer's own first.
struct CertificateSection
{
    QString heading;
    TlsSessionInfo info;   // info.peerChain: the certificates shown
    bool handshake = true; // show protocol, cipher, ALPN and accepted errors
    QString whenEmpty;     // said instead when info.peerChain is empty

    friend bool operator==(const CertificateSection &a, const CertificateSection &b)
    {
        return a.heading == b.heading && a.handshake == b.handshake && a.whenEmpty == b.whenEmpty &&
               a.info.active == b.info.active && a.info.protocol == b.info.protocol &&
               a.info.cipher == b.info.cipher && a.info.alpn == b.info.alpn &&
               a.info.peerChain == b.info.peerChain && a.info.verifyErrors == b.info.verifyErrors;
    }
    friend bool operator!=(const CertificateSection &a, const CertificateSection &b)
    {
        return !(a == b);
    }
};

// Certificate chains and handshake summaries, per certificate: subject, issuer, validity (an
// expired or not yet valid one in the palette's error tone), SANs, SHA-256 fingerprint,
// self-signed. The text is selectable; Copy puts all of it on the clipboard as plain text.
class CertificatePanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificatePanel)

public:
    explicit CertificatePanel(QWidget *parent = nullptr);

    // The same content again (a followed peer's counters ticked) changes nothing, so a
    // selection being made for copying survives.
    void setSections(const QList<CertificateSection> &sections);
    QList<CertificateSection> sections() const { return m_sections; }
    // What Copy copies.
    QString plainText() const;

    // Judged at `now` so tests need no clock tricks.
    static QString toHtml(const QList<CertificateSection> &sections, const QPalette &palette,
                          const QDateTime &now = QDateTime::currentDateTimeUtc());
    static QString toPlainText(const QList<CertificateSection> &sections,
                               const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    static QString handshakeHtml(const TlsSessionInfo &info, const QPalette &palette);
    static QString certificateHtml(const QSslCertificate &certificate, int index,
                                   const QPalette &palette, const QDateTime &now);
    static QStringList handshakeLines(const TlsSessionInfo &info);

    QList<CertificateSection> m_sections;
    QTextBrowser *m_text = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace sockscope
