#pragma once

#include "core/tls/tlssessioninfo.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace sockscope {

// The message bar a tab shows when a TLS client (or a relay's upstream side) refused the
// server's certificate: the reasons in words, "Show certificate" (the refused chain) and
// "Connect anyway this time" (one start that accepts those errors; nothing is remembered).
class TlsVerificationBar : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsVerificationBar)

public:
    explicit TlsVerificationBar(QWidget *parent = nullptr);

    void showRefusal(const TlsSessionInfo &refused);
    TlsSessionInfo refused() const { return m_refused; }
    QString text() const;

signals:
    void showCertificateRequested(const sockscope::TlsSessionInfo &refused);
    void connectAnywayRequested();

private:
    TlsSessionInfo m_refused;
    QLabel *m_text = nullptr;
    QPushButton *m_show = nullptr;
    QPushButton *m_anyway = nullptr;
};

} // namespace sockscope
