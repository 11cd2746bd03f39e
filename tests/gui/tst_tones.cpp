// Tones (ui/tones.h): meaning-carrying colours that stay readable on light and dark palettes.

#include "core/message/message.h"
#include "screenshot.h"
#include "ui/autoreplydialog.h"
#include "ui/autoreplymodel.h"
#include "ui/connectionbar.h"
#include "ui/framingselector.h"
#include "ui/sendpanel.h"
#include "ui/tones.h"

#include "contrast.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace sockscope;
using namespace sockscope::test;

namespace {


QPalette lightPalette()
{
    return fusionPalette();
}

} // namespace

class tst_Tones : public QObject
{
    Q_OBJECT

private slots:
    void readable_data();
    void readable();
    void variantFollowsBase();
    void tonesDiffer();

    void widgetsFollowPalette_data();
    void widgetsFollowPalette();
    void cleanup();
};

void tst_Tones::readable_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<Tone>("tone");
    const struct
    {
        const char *name;
        QPalette palette;
    } palettes[] = {{"light", lightPalette()}, {"dark", darkPalette()}};
    const struct
    {
        const char *name;
        Tone tone;
    } tones[] = {
        {"error", Tone::Error}, {"ok", Tone::Ok}, {"warning", Tone::Warning}, {"info", Tone::Info}};
    for (const auto &p : palettes) {
        for (const auto &t : tones)
            QTest::addRow("%s/%s", p.name, t.name) << p.palette << t.tone;
    }
}

// At least WCAG AA (4.5:1) against the base, the window and the tone's own cell background.
void tst_Tones::readable()
{
    QFETCH(QPalette, palette);
    QFETCH(Tone, tone);
    const QColor text = toneColor(tone, palette);
    const double onBase = contrast(text, palette.base().color());
    const double onWindow = contrast(text, palette.window().color());
    const double onCell = contrast(text, toneBackground(tone, palette));
    QVERIFY2(onBase >= 4.5, qPrintable(QString::number(onBase)));
    QVERIFY2(onWindow >= 4.5, qPrintable(QString::number(onWindow)));
    QVERIFY2(onCell >= 4.5, qPrintable(QString::number(onCell)));
}

// The light variant on a light base would be unreadable on a dark one, and vice versa.
void tst_Tones::variantFollowsBase()
{
    const QColor onLight = toneColor(Tone::Error, lightPalette());
    const QColor onDark = toneColor(Tone::Error, darkPalette());
    QVERIFY(onLight != onDark);
    QVERIFY(onDark.lightness() > onLight.lightness());
    QVERIFY(contrast(onLight, darkPalette().base().color()) < 4.5);
}

void tst_Tones::tonesDiffer()
{
    for (const QPalette &palette : {lightPalette(), darkPalette()}) {
        const QList<QColor> colours = {
            toneColor(Tone::Error, palette), toneColor(Tone::Ok, palette),
            toneColor(Tone::Warning, palette), toneColor(Tone::Info, palette)};
        for (qsizetype i = 0; i < colours.size(); ++i)
            QCOMPARE(colours.count(colours.at(i)), 1);
    }
}

void tst_Tones::cleanup()
{
    QApplication::setPalette(lightPalette());
}

void tst_Tones::widgetsFollowPalette_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
}

// The state label, the framing error and invalid rule cells take their colour from the
// application's palette: on a dark theme they are the light variants, not fixed dark reds.
void tst_Tones::widgetsFollowPalette()
{
    QFETCH(QPalette, palette);
    QApplication::setPalette(palette);
    const QString name = QString::fromLatin1(QTest::currentDataTag());

    ConnectionBar bar(Session::Mode::TcpClient);
    auto *state = bar.findChild<QLabel *>(QStringLiteral("stateLabel"));
    QVERIFY(state);
    bar.showState(Session::State::Failed, QStringLiteral("Connection refused"));
    QCOMPARE(state->palette().color(QPalette::WindowText), toneColor(Tone::Error, palette));
    QVERIFY(sockscope::test::saveScreenshot(bar, QStringLiteral("tones-bar-failed-") + name));
    bar.showState(Session::State::Active, QStringLiteral("Connected to 127.0.0.1:9000"));
    QCOMPARE(state->palette().color(QPalette::WindowText), toneColor(Tone::Ok, palette));
    QVERIFY(sockscope::test::saveScreenshot(bar, QStringLiteral("tones-bar-active-") + name));

    FramingSelector framing;
    auto *kind = framing.findChild<QComboBox *>(QStringLiteral("framingKind"));
    auto *delimiter = framing.findChild<QLineEdit *>(QStringLiteral("framingDelimiter"));
    auto *error = framing.findChild<QLabel *>(QStringLiteral("framingError"));
    QVERIFY(kind && delimiter && error);
    kind->setCurrentIndex(2); // Delimiter
    delimiter->setText(QStringLiteral("0G"));
    QVERIFY(!framing.error().isEmpty());
    QCOMPARE(error->palette().color(QPalette::WindowText), toneColor(Tone::Error, palette));
    framing.resize(framing.sizeHint().expandedTo(QSize(600, 0)));
    QVERIFY(sockscope::test::saveScreenshot(framing, QStringLiteral("tones-framing-") + name));

    AutoReplyRule bad;
    bad.name = QStringLiteral("bad hex");
    bad.match = AutoReplyRule::Match::HexPattern;
    bad.pattern = QStringLiteral("01 0G");
    bad.reply = QStringLiteral("OK");
    AutoReplyRule good = bad;
    good.name = QStringLiteral("good");
    good.pattern = QStringLiteral("01 0F");
    AutoReplyConfig config;
    config.rules = {good, bad};
    AutoReplyDialog dialog(config, nullptr);
    const QModelIndex pattern = dialog.model()->index(1, AutoReplyModel::PatternColumn);
    QVERIFY(dialog.model()->issue(1));
    QCOMPARE(pattern.data(Qt::ForegroundRole).value<QColor>(), toneColor(Tone::Error, palette));
    QCOMPARE(pattern.data(Qt::BackgroundRole).value<QColor>(),
             toneBackground(Tone::Error, palette));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    QCOMPARE(status->palette().color(QPalette::WindowText), toneColor(Tone::Error, palette));
    dialog.resize(900, 600);
    QVERIFY(sockscope::test::saveScreenshot(dialog, QStringLiteral("tones-autoreply-") + name));

    SendPanel panel;
    auto *hex = panel.findChild<QRadioButton *>(QStringLiteral("hexModeRadio"));
    auto *editor = panel.findChild<QPlainTextEdit *>(QStringLiteral("editor"));
    auto *preview = panel.findChild<QLabel *>(QStringLiteral("previewLabel"));
    QVERIFY(hex && editor && preview);
    hex->setChecked(true);
    editor->setPlainText(QStringLiteral("48 6G"));
    QTRY_COMPARE(panel.previewResult().error, MessageError::InvalidHex);
    QCOMPARE(preview->palette().color(QPalette::WindowText), toneColor(Tone::Error, palette));
    const auto underlined = editor->extraSelections();
    QCOMPARE(underlined.size(), 1);
    QCOMPARE(underlined.first().format.underlineColor(), toneColor(Tone::Error, palette));
}

QTEST_MAIN(tst_Tones)
#include "tst_tones.moc"
