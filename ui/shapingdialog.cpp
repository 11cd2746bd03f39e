#include "shapingdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <array>

namespace sockscope {

namespace {

constexpr std::array<qint64, 3> kUnits{1, 1024, 1024 * 1024}; // B/s, KiB/s, MiB/s
constexpr int kMaxRate = 1000000;                             // in the unit shown

// The largest unit that says the rate exactly (and within the field's range).
int unitFor(qint64 bytesPerSecond)
{
    for (int i = int(kUnits.size()) - 1; i > 0; --i)
        if (bytesPerSecond % kUnits[i] == 0 && bytesPerSecond / kUnits[i] <= kMaxRate)
            return i;
    return 0;
}

} // namespace

bool sameShaping(const RelayControl::Shaping &a, const RelayControl::Shaping &b)
{
    return a.latencyMs == b.latencyMs && a.bytesPerSecond == b.bytesPerSecond;
}

ShapingDialog::ShapingDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Relay shaping"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Make the relay a slow network: each direction's bytes are "
                                "passed on this much later, and no faster than the rate. "
                                "Applies at once, also while the relay runs."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Latency"), this), 0, 1);
    grid->addWidget(new QLabel(tr("Rate limit"), this), 0, 2, 1, 2);
    m_c2s = buildFields("c2s");
    m_s2c = buildFields("s2c");
    const std::array<std::pair<QString, Fields *>, 2> rows{
        std::pair{tr("Client → server (C→S)"), &m_c2s},
        std::pair{tr("Server → client (S→C)"), &m_s2c}};
    for (int r = 0; r < 2; ++r) {
        auto *label = new QLabel(rows[r].first, this);
        label->setBuddy(rows[r].second->latency);
        grid->addWidget(label, r + 1, 0);
        grid->addWidget(rows[r].second->latency, r + 1, 1);
        grid->addWidget(rows[r].second->rate, r + 1, 2);
        grid->addWidget(rows[r].second->unit, r + 1, 3);
    }
    layout->addLayout(grid);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *none = buttons->addButton(tr("No shaping"), QDialogButtonBox::ResetRole);
    none->setObjectName(QStringLiteral("noShaping"));
    none->setToolTip(tr("Pass bytes on as they come, both ways."));
    connect(none, &QPushButton::clicked, this, [this] { setShaping({}); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

ShapingDialog::Fields ShapingDialog::buildFields(const char *prefix)
{
    const QString name = QLatin1String(prefix);
    Fields f;
    f.latency = new QSpinBox(this);
    f.latency->setObjectName(name + QStringLiteral("Latency"));
    f.latency->setRange(0, RelayControl::MaxLatencyMs);
    f.latency->setSingleStep(50);
    f.latency->setSuffix(tr(" ms"));
    f.latency->setAccelerated(true);
    f.latency->setToolTip(tr("How much later each byte is passed on (0: at once)."));
    f.rate = new QSpinBox(this);
    f.rate->setObjectName(name + QStringLiteral("Rate"));
    f.rate->setRange(0, kMaxRate);
    f.rate->setAccelerated(true);
    f.rate->setSpecialValueText(tr("no limit"));
    f.rate->setToolTip(tr("The most passed on per second (0: no limit)."));
    f.unit = new QComboBox(this);
    f.unit->setObjectName(name + QStringLiteral("RateUnit"));
    f.unit->addItem(tr("B/s"), kUnits[0]);
    f.unit->addItem(tr("KiB/s"), kUnits[1]);
    f.unit->addItem(tr("MiB/s"), kUnits[2]);
    f.unit->setCurrentIndex(1);
    return f;
}

RelayControl::Shaping ShapingDialog::readFields(const Fields &f)
{
    return {f.latency->value(), f.rate->value() * f.unit->currentData().toLongLong()};
}

void ShapingDialog::showInFields(const Fields &f, const RelayControl::Shaping &s)
{
    f.latency->setValue(s.latencyMs);
    // No rate keeps the unit last chosen: the next rate typed is most likely in it.
    if (s.bytesPerSecond > 0)
        f.unit->setCurrentIndex(unitFor(s.bytesPerSecond));
    f.rate->setValue(int(s.bytesPerSecond / f.unit->currentData().toLongLong()));
}

RelayShaping ShapingDialog::shaping() const
{
    return {readFields(m_c2s), readFields(m_s2c)};
}

void ShapingDialog::setShaping(const RelayShaping &shaping)
{
    showInFields(m_c2s, shaping.c2s);
    showInFields(m_s2c, shaping.s2c);
}

QString ShapingDialog::rateText(qint64 bytesPerSecond)
{
    const std::array<QString, 3> units{tr("B/s"), tr("KiB/s"), tr("MiB/s")};
    const int unit = unitFor(bytesPerSecond);
    return QStringLiteral("%1 %2").arg(bytesPerSecond / kUnits[unit]).arg(units[unit]);
}

QString ShapingDialog::summary(const RelayShaping &shaping)
{
    QStringList directions;
    for (bool s2c : {false, true}) {
        const RelayControl::Shaping &s = shaping.of(s2c);
        if (!s.isActive())
            continue;
        QStringList parts;
        if (s.latencyMs > 0)
            parts << tr("%1 ms").arg(s.latencyMs);
        if (s.bytesPerSecond > 0)
            parts << rateText(s.bytesPerSecond);
        directions << (s2c ? tr("S→C %1") : tr("C→S %1")).arg(parts.join(tr(", ")));
    }
    return directions.join(tr("; "));
}

} // namespace sockscope
