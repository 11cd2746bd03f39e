#include "framingselector.h"

#include "core/codec/hex.h"
#include "tones.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sockscope {

namespace {

QSpinBox *spin(const QString &name, int min, int max, int value, const QString &suffix = {})
{
    auto *s = new QSpinBox;
    s->setObjectName(name);
    s->setRange(min, max);
    s->setValue(value);
    s->setSuffix(suffix);
    s->setAccelerated(true);
    return s;
}

} // namespace

FramingSelector::FramingSelector(QWidget *parent) : QWidget(parent)
{
    auto *lines = new QVBoxLayout(this);
    lines->setContentsMargins(0, 0, 0, 0);
    lines->setSpacing(2);
    auto *row = new QHBoxLayout;
    lines->addLayout(row);
    m_secondLine = new QWidget(this);
    auto *row2 = new QHBoxLayout(m_secondLine);
    row2->setContentsMargins(0, 0, 0, 0);
    lines->addWidget(m_secondLine);
    buildKindRow(row);
    buildParams();
    placeParams(row, row2);
    row->addStretch(1);
    buildMaxAndError(row, row2);
    showParams(Raw);
    connectSignals();
}

void FramingSelector::buildKindRow(QHBoxLayout *row)
{
    m_label = new QLabel(tr("&Framing"), this);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("framingKind"));
    m_label->setBuddy(m_kind);
    m_kind->addItem(tr("Raw chunks (as received)"), Raw);
    m_kind->addItem(tr("Lines (\\n or \\r\\n)"), Line);
    m_kind->addItem(tr("Delimiter"), Delimiter);
    m_kind->addItem(tr("Fixed length"), Fixed);
    m_kind->addItem(tr("Length prefix"), Length);
    m_kind->addItem(tr("Idle gap"), Gap);
    m_kind->setToolTip(tr("How received bytes are cut into messages. TCP is a stream: one "
                          "send() on the other side may arrive in pieces or glued to the next "
                          "(\"sticky packets\"). Framing makes each message one log row."));
    row->addWidget(m_label);
    row->addWidget(m_kind);
}

void FramingSelector::setLabelText(const QString &text)
{
    m_label->setText(text);
}

void FramingSelector::offerSameAs(const QString &text)
{
    m_kind->insertItem(0, text, SameAs);
    setSameAs();
}

bool FramingSelector::isSameAs() const
{
    return currentKind() == SameAs;
}

void FramingSelector::setSameAs()
{
    m_kind->setCurrentIndex(m_kind->findData(SameAs)); // signals as a user's choice would
}

int FramingSelector::currentKind() const
{
    return m_kind->currentData().toInt();
}

// Every kind's parameter fields; placeParams() puts them in the rows.
void FramingSelector::buildParams()
{
    m_delimiter = new QLineEdit;
    m_delimiter->setObjectName(QStringLiteral("framingDelimiter"));
    m_delimiter->setPlaceholderText(tr("hex, e.g. 0D 0A"));
    m_delimiter->setText(QStringLiteral("0D 0A"));
    m_delimiter->setToolTip(tr("The bytes that end a message, in hex."));
    m_keep = new QCheckBox(tr("Keep delimiter"));
    m_keep->setObjectName(QStringLiteral("framingKeep"));
    m_fixed =
        spin(QStringLiteral("framingFixed"), 1, int(FramingSpec::MaxSizeLimit), 16, tr(" bytes"));
    m_lenSize = new QComboBox;
    m_lenSize->setObjectName(QStringLiteral("framingLenSize"));
    m_lenSize->addItem(tr("1-byte length"), 1);
    m_lenSize->addItem(tr("2-byte length"), 2);
    m_lenSize->addItem(tr("4-byte length"), 4);
    m_lenSize->setCurrentIndex(1);
    m_endian = new QComboBox;
    m_endian->setObjectName(QStringLiteral("framingEndian"));
    m_endian->addItem(tr("big-endian"));
    m_endian->addItem(tr("little-endian"));
    m_includes = new QCheckBox(tr("Length counts header"));
    m_includes->setObjectName(QStringLiteral("framingIncludes"));
    m_offset = spin(QStringLiteral("framingOffset"), 0, int(FramingSpec::MaxHeaderOffset), 0);
    m_offset->setPrefix(tr("offset "));
    m_offset->setToolTip(tr("Bytes before the length field (e.g. a 2-byte magic)."));
    m_adjust = spin(QStringLiteral("framingAdjust"), -int(FramingSpec::MaxLengthAdjustment),
                    int(FramingSpec::MaxLengthAdjustment), 0);
    m_adjust->setPrefix(tr("adjust "));
    m_adjust->setToolTip(tr("Bytes the length does not count, e.g. +2 for a trailing CRC."));
    m_gap = spin(QStringLiteral("framingGap"), 1, int(FramingSpec::MaxIdleGapMs), 50, tr(" ms"));
    m_gap->setToolTip(tr("A message ends after this much silence."));
}

void FramingSelector::placeParams(QHBoxLayout *row, QHBoxLayout *row2)
{
    // Only the current kind's parameters are shown (hidden widgets take no room, so the row
    // stays as narrow as the kind needs).
    m_params = {{},
                {},
                {m_delimiter, m_keep},
                {m_fixed},
                {m_lenSize, m_endian, m_includes, m_offset, m_adjust},
                {m_gap}};
    for (int k = 0; k < m_params.size(); ++k)
        for (QWidget *w : std::as_const(m_params[k])) {
            w->setParent(k == Length ? m_secondLine : this);
            (k == Length ? row2 : row)->addWidget(w);
        }
}

void FramingSelector::buildMaxAndError(QHBoxLayout *row, QHBoxLayout *row2)
{
    m_max = spin(QStringLiteral("framingMax"), 16, int(FramingSpec::MaxSizeLimit / 1024), 1024,
                 tr(" KiB"));
    m_max->setPrefix(tr("max "));
    m_max->setToolTip(tr("Longest message kept in one piece; longer ones are cut and marked, "
                         "so memory never grows without bound."));
    row->addWidget(m_max);
    m_error = new QLabel(m_secondLine);
    m_error->setObjectName(QStringLiteral("framingError"));
    m_error->setWordWrap(true);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, toneColor(Tone::Error, pal));
    m_error->setPalette(pal);
    m_error->hide();
    row2->addWidget(m_error, 1);
    row2->addStretch();
}

void FramingSelector::connectSignals()
{
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        showParams(currentKind());
        onEdited();
    });
    connect(m_delimiter, &QLineEdit::textChanged, this, &FramingSelector::onEdited);
    for (QCheckBox *c : {m_keep, m_includes})
        connect(c, &QCheckBox::toggled, this, &FramingSelector::onEdited);
    for (QComboBox *c : {m_lenSize, m_endian})
        connect(c, &QComboBox::currentIndexChanged, this, &FramingSelector::onEdited);
    for (QSpinBox *s : {m_fixed, m_offset, m_adjust, m_gap, m_max})
        connect(s, &QSpinBox::valueChanged, this, &FramingSelector::onEdited);
}

FramingSpec FramingSelector::fromFields(QString *error) const
{
    FramingSpec s;
    switch (currentKind()) {
    case SameAs:
        return FramingSpec::raw(); // no spec of its own, nothing to check
    case Raw:
        s = FramingSpec::raw();
        break;
    case Line:
        s = FramingSpec::line();
        break;
    case Delimiter: {
        const HexParseResult hex = parseHex(m_delimiter->text());
        if (!hex.ok()) {
            *error = tr("Delimiter, column %1: %2").arg(hex.errorPosition + 1).arg(hex.error);
            return {};
        }
        s = FramingSpec::delimited(hex.bytes, m_keep->isChecked());
        break;
    }
    case Fixed:
        s = FramingSpec::fixed(m_fixed->value());
        break;
    case Length:
        s = FramingSpec::lengthPrefixed(
            m_lenSize->currentData().toInt(),
            m_endian->currentIndex() == 0 ? FramingSpec::Endian::Big : FramingSpec::Endian::Little);
        s.lengthIncludesHeader = m_includes->isChecked();
        s.headerOffset = m_offset->value();
        s.lengthAdjustment = m_adjust->value();
        break;
    case Gap:
        s = FramingSpec::idleGap(m_gap->value());
        break;
    }
    s.maxFrameSize = qsizetype(m_max->value()) * 1024;
    if (s.type == FramingSpec::Type::FixedLength && s.fixedLength > s.maxFrameSize)
        s.maxFrameSize = s.fixedLength;
    *error = validationError(s);
    return s;
}

FramingSpec FramingSelector::spec() const
{
    QString error;
    const FramingSpec s = fromFields(&error);
    return error.isEmpty() ? s : FramingSpec::raw();
}

QString FramingSelector::error() const
{
    QString error;
    fromFields(&error);
    return error;
}

void FramingSelector::setSpec(const FramingSpec &s)
{
    m_updating = true;
    int kind = Raw;
    switch (s.type) {
    case FramingSpec::Type::Raw:
        kind = Raw;
        break;
    case FramingSpec::Type::Delimiter:
        kind = s.isLine() ? Line : Delimiter;
        m_delimiter->setText(toHexString(s.delimiter));
        m_keep->setChecked(s.keepDelimiter);
        break;
    case FramingSpec::Type::FixedLength:
        kind = Fixed;
        m_fixed->setValue(int(s.fixedLength));
        break;
    case FramingSpec::Type::LengthPrefix:
        kind = Length;
        m_lenSize->setCurrentIndex(m_lenSize->findData(s.lengthSize));
        m_endian->setCurrentIndex(s.endian == FramingSpec::Endian::Big ? 0 : 1);
        m_includes->setChecked(s.lengthIncludesHeader);
        m_offset->setValue(int(s.headerOffset));
        m_adjust->setValue(int(s.lengthAdjustment));
        break;
    case FramingSpec::Type::IdleGap:
        kind = Gap;
        m_gap->setValue(int(s.idleGapMs));
        break;
    }
    m_max->setValue(int(qMax<qsizetype>(16 * 1024, s.maxFrameSize) / 1024));
    m_kind->setCurrentIndex(m_kind->findData(kind));
    showParams(kind);
    m_updating = false;
    onEdited();
}

void FramingSelector::showParams(int kind)
{
    for (int k = 0; k < m_params.size(); ++k)
        for (QWidget *w : std::as_const(m_params[k]))
            w->setVisible(k == kind);
    // Raw chunks have no frame to cap; hidden from the start too, not only after an edit.
    m_max->setVisible(kind != Raw && kind != SameAs);
    updateSecondLine();
}

QWidget *FramingSelector::takeSecondLine()
{
    layout()->removeWidget(m_secondLine);
    return m_secondLine;
}

void FramingSelector::updateSecondLine()
{
    m_secondLine->setVisible(currentKind() == Length || !m_error->isHidden());
}

void FramingSelector::onEdited()
{
    if (m_updating)
        return;
    QString error;
    const FramingSpec s = fromFields(&error);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    updateSecondLine();
    if (isSameAs())
        emit sameAsChosen();
    else if (error.isEmpty())
        emit specChanged(s);
}

} // namespace sockscope
