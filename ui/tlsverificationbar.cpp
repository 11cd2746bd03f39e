#include "tlsverificationbar.h"

#include "tones.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace sockscope {

TlsVerificationBar::TlsVerificationBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("tlsVerificationBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, toneBackground(Tone::Error, pal));
    pal.setColor(QPalette::WindowText, toneColor(Tone::Error, pal));
    setPalette(pal);
    auto *row = new QHBoxLayout(this);
    auto *icon = new QLabel(this);
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(side, side));
    row->addWidget(icon, 0, Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("tlsVerificationText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_text, 1);
    m_show = new QPushButton(tr("Show certificate"), this);
    m_show->setObjectName(QStringLiteral("tlsShowRefused"));
    m_anyway = new QPushButton(tr("Connect anyway this time"), this);
    m_anyway->setObjectName(QStringLiteral("tlsConnectAnyway"));
    m_anyway->setToolTip(tr("Start once more accepting these errors (they are logged). The "
                            "next start verifies again."));
    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("tlsVerificationClose"));
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Hide this message"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_show);
    buttons->addWidget(m_anyway);
    row->addLayout(buttons);
    row->addWidget(close, 0, Qt::AlignTop);
    connect(m_show, &QPushButton::clicked, this,
            [this] { emit showCertificateRequested(m_refused); });
    connect(m_anyway, &QPushButton::clicked, this, [this] {
        hide();
        emit connectAnywayRequested();
    });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void TlsVerificationBar::showRefusal(const TlsSessionInfo &refused)
{
    m_refused = refused;
    QString text = tr("The server's certificate was refused, so no connection to it was made:");
    QStringList reasons = refused.verifyErrors;
    if (reasons.isEmpty())
        reasons << tr("No reason was given.");
    for (const QString &r : std::as_const(reasons))
        text += QStringLiteral("\n• ") + r;
    m_text->setText(text);
    show();
}

QString TlsVerificationBar::text() const
{
    return m_text->text();
}

} // namespace sockscope
