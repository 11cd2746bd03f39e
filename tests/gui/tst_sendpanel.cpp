// Offscreen tests of the send panel: preview, error underline, mode switch,
// shortcuts, periodic/file controls, history and presets with persistence.

#include "screenshot.h"
#include "ui/sendhistory.h"
#include "ui/sendpanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace sockscope;
using namespace sockscope::test;

class tst_SendPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void emptyDisablesSend();
    void gbkPreview();
    void lineEndingAndChecksum();
    void previewIsDebounced();
    void invalidHexUnderlined();
    void unencodableUnderlined();
    void textHexRoundTrip();
    void hexToTextTurnsEscapesOnWhenAsked();
    void ctrlReturnSends_data();
    void ctrlReturnSends();
    void disconnectedDisablesSend();
    void periodicControls();
    void fileControls();
    void specAndStateRoundTrip();

    void variantRoundTrip();
    void variantRejectsGarbage();
    void historyOrderAndDedup();
    void historyCap();
    void historyPersistence();
    void presetPersistenceAndRename();
    void presetDoubleClickSends();
    void historyClickLoadsWithoutSending();
    void historyEnterSends();

    void screenshot();

private:
    template <typename T>
    T *child(const char *name) const
    {
        T *w = m_panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    void showPanel();
    // Types like a user: ASCII as key clicks, anything else (Chinese) the way an
    // input method delivers it, as a committed string (keyClicks is Latin-1 only).
    void type(const QString &text)
    {
        auto *editor = child<QPlainTextEdit>("editor");
        for (const QChar c : text) {
            if (c.unicode() < 0x80) {
                QTest::keyClick(editor, char(c.unicode()));
            } else {
                QInputMethodEvent event;
                event.setCommitString(QString(c));
                QApplication::sendEvent(editor, &event);
            }
        }
    }
    void selectCombo(const char *name, const QString &text)
    {
        auto *combo = child<QComboBox>(name);
        const int i = combo->findText(text);
        QVERIFY2(i >= 0, qPrintable(text));
        combo->setCurrentIndex(i);
    }
    QString previewText() const { return child<QLabel>("previewLabel")->text(); }
    QString countText() const { return child<QLabel>("byteCountLabel")->text(); }

    SendPanel *m_panel = nullptr;
};

void tst_SendPanel::init()
{
    m_panel = new SendPanel;
    m_panel->resize(900, 260);
}

void tst_SendPanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void tst_SendPanel::showPanel()
{
    m_panel->show();
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel));
}

void tst_SendPanel::emptyDisablesSend()
{
    showPanel();
    auto *send = child<QPushButton>("sendButton");
    QVERIFY(!send->isEnabled());
    QVERIFY(send->toolTip().contains(QLatin1String("empty")));
    QVERIFY(!previewText().isEmpty()); // the hint
    QVERIFY(countText().isEmpty());
    QVERIFY(!m_panel->canSend());

    QSignalSpy spy(m_panel, &SendPanel::sendRequested);
    m_panel->send();
    QCOMPARE(spy.count(), 0);

    type(QStringLiteral("x"));
    QTRY_VERIFY(send->isEnabled());
    QTest::keyClick(child<QPlainTextEdit>("editor"), Qt::Key_Backspace);
    QTRY_VERIFY(!send->isEnabled());
}

void tst_SendPanel::gbkPreview()
{
    showPanel();
    selectCombo("encodingCombo", QStringLiteral("GBK"));
    type(QStringLiteral("你好"));
    QTRY_COMPARE(previewText(), QStringLiteral("C4 E3 BA C3"));
    QCOMPARE(countText(), QStringLiteral("4 bytes"));
    QCOMPARE(m_panel->spec().encoding, Encoding::Gbk);

    selectCombo("encodingCombo", QStringLiteral("UTF-8")); // options apply at once
    QCOMPARE(previewText(), QStringLiteral("E4 BD A0 E5 A5 BD"));
    QCOMPARE(countText(), QStringLiteral("6 bytes"));
}

void tst_SendPanel::lineEndingAndChecksum()
{
    showPanel();
    selectCombo("encodingCombo", QStringLiteral("GBK"));
    type(QStringLiteral("你好"));
    selectCombo("lineEndingCombo", QStringLiteral("+ \\r\\n (CRLF)"));
    selectCombo("checksumCombo", QStringLiteral("+ CRC-16/MODBUS"));
    // MODBUS defaults to little-endian; CRC-16/MODBUS of C4 E3 BA C3 0D 0A is 0xFA84.
    QCOMPARE(child<QComboBox>("byteOrderCombo")->currentText(), QStringLiteral("LE"));
    QTRY_COMPARE(previewText(), QStringLiteral("C4 E3 BA C3 0D 0A 84 FA"));
    QCOMPARE(countText(), QStringLiteral("8 bytes"));

    selectCombo("byteOrderCombo", QStringLiteral("BE"));
    QCOMPARE(previewText(), QStringLiteral("C4 E3 BA C3 0D 0A FA 84"));
    QCOMPARE(m_panel->spec().checksumOrder, ByteOrder::BigEndian);

    // One-byte checksums have no byte order.
    selectCombo("checksumCombo", QStringLiteral("+ ") + checksumDisplayName(ChecksumKind::Xor8));
    QVERIFY(!child<QComboBox>("byteOrderCombo")->isEnabled());
    QCOMPARE(countText(), QStringLiteral("7 bytes"));
}

void tst_SendPanel::previewIsDebounced()
{
    showPanel();
    type(QStringLiteral("A"));
    // Typing does not rebuild the preview synchronously...
    QCOMPARE(m_panel->previewResult().error, MessageError::Empty);
    // ...but within the debounce interval.
    QTRY_COMPARE_WITH_TIMEOUT(previewText(), QStringLiteral("41"), 1000);
}

void tst_SendPanel::invalidHexUnderlined()
{
    showPanel();
    QTest::mouseClick(child<QRadioButton>("hexModeRadio"), Qt::LeftButton);
    QCOMPARE(m_panel->spec().format, MessageFormat::Hex);
    type(QStringLiteral("48 6G"));
    auto *send = child<QPushButton>("sendButton");
    QTRY_COMPARE(m_panel->previewResult().error, MessageError::InvalidHex);
    QVERIFY(!send->isEnabled());

    const auto selections = child<QPlainTextEdit>("editor")->extraSelections();
    QCOMPARE(selections.size(), 1);
    QCOMPARE(selections.first().cursor.selectionStart(), 4); // the 'G'
    QVERIFY(selections.first().cursor.selectionEnd() > 4);
    QCOMPARE(selections.first().format.underlineStyle(), QTextCharFormat::SpellCheckUnderline);
    QVERIFY(previewText().contains(m_panel->previewResult().errorString));
    QVERIFY(countText().isEmpty());
    QVERIFY(send->toolTip().contains(m_panel->previewResult().errorString));

    // Fixing it clears the underline and enables Send.
    QTest::keyClick(child<QPlainTextEdit>("editor"), Qt::Key_Backspace);
    type(QStringLiteral("F"));
    QTRY_VERIFY(send->isEnabled());
    QVERIFY(child<QPlainTextEdit>("editor")->extraSelections().isEmpty());
    QCOMPARE(previewText(), QStringLiteral("48 6F"));
}

void tst_SendPanel::unencodableUnderlined()
{
    MessageSpec s;
    s.content = QStringLiteral("ab你c");
    s.encoding = Encoding::Latin1;
    m_panel->setSpec(s);
    QCOMPARE(m_panel->previewResult().error, MessageError::Unencodable);
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    const auto selections = child<QPlainTextEdit>("editor")->extraSelections();
    QCOMPARE(selections.size(), 1);
    QCOMPARE(selections.first().cursor.selectionStart(), 2);
    QCOMPARE(selections.first().cursor.selectedText(), QStringLiteral("你"));
    QVERIFY(previewText().contains(QLatin1String("Latin-1")));

    selectCombo("encodingCombo", QStringLiteral("UTF-8"));
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(child<QPlainTextEdit>("editor")->extraSelections().isEmpty());
}

void tst_SendPanel::textHexRoundTrip()
{
    showPanel();
    selectCombo("encodingCombo", QStringLiteral("GBK"));
    type(QStringLiteral("Hi 你好"));
    m_panel->refreshPreview();
    const QByteArray bytes = m_panel->previewResult().bytes;
    QCOMPARE(bytes, QByteArray::fromHex("486920C4E3BAC3"));

    auto *editor = child<QPlainTextEdit>("editor");
    QTest::mouseClick(child<QRadioButton>("hexModeRadio"), Qt::LeftButton);
    QCOMPARE(m_panel->spec().format, MessageFormat::Hex);
    QCOMPARE(editor->toPlainText(), QStringLiteral("48 69 20 C4 E3 BA C3"));
    QCOMPARE(m_panel->previewResult().bytes, bytes);

    QTest::mouseClick(child<QRadioButton>("textModeRadio"), Qt::LeftButton);
    QCOMPARE(m_panel->spec().format, MessageFormat::Text);
    QCOMPARE(editor->toPlainText(), QStringLiteral("Hi 你好"));
    QCOMPARE(m_panel->previewResult().bytes, bytes);
    QVERIFY(!child<QCheckBox>("escapesCheck")->isChecked());
}

void tst_SendPanel::hexToTextTurnsEscapesOnWhenAsked()
{
    MessageSpec s;
    s.format = MessageFormat::Hex;
    s.content = QStringLiteral("48 0D 0A FF");
    m_panel->setSpec(s);
    showPanel();
    QCOMPARE(m_panel->previewResult().bytes, QByteArray::fromHex("480D0AFF"));
    auto *escapes = child<QCheckBox>("escapesCheck");
    QVERIFY(!escapes->isChecked());
    QVERIFY(!escapes->isEnabled()); // no meaning in hex mode

    QTest::mouseClick(child<QRadioButton>("textModeRadio"), Qt::LeftButton);
    auto *status = child<QLabel>("statusLabel");
    // Not silently: the panel stays in hex and offers the switch with escapes.
    QCOMPARE(m_panel->spec().format, MessageFormat::Hex);
    QVERIFY(!escapes->isChecked());
    QVERIFY(status->isVisible());
    emit status->linkActivated(QStringLiteral("escapes"));
    QCOMPARE(m_panel->spec().format, MessageFormat::Text);
    QVERIFY(escapes->isChecked());
    QVERIFY(escapes->isEnabled());
    QVERIFY(status->isVisible());
    QVERIFY(status->text().contains(QLatin1String("Escapes")));
    QCOMPARE(m_panel->previewResult().bytes, QByteArray::fromHex("480D0AFF"));
}

void tst_SendPanel::ctrlReturnSends_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
    QTest::newRow("ctrl+return") << int(Qt::Key_Return)
                                 << Qt::KeyboardModifiers(Qt::ControlModifier);
    QTest::newRow("ctrl+enter") << int(Qt::Key_Enter)
                                << Qt::KeyboardModifiers(Qt::ControlModifier | Qt::KeypadModifier);
}

void tst_SendPanel::ctrlReturnSends()
{
    QFETCH(int, key);
    QFETCH(Qt::KeyboardModifiers, modifiers);
    showPanel();
    auto *editor = child<QPlainTextEdit>("editor");
    editor->setFocus();
    QSignalSpy spy(m_panel, &SendPanel::sendRequested);

    QTest::keyClick(editor, Qt::Key(key), modifiers); // empty: nothing
    QCOMPARE(spy.count(), 0);

    child<QCheckBox>("escapesCheck")->setChecked(true);
    type(QStringLiteral("hello\\r"));
    // No wait for the debounce: the shortcut must use what is typed now.
    QTest::keyClick(editor, Qt::Key(key), modifiers);
    QCOMPARE(spy.count(), 1);
    const auto sent = spy.at(0).at(0).value<MessageSpec>();
    QCOMPARE(sent.content, QStringLiteral("hello\\r"));
    QVERIFY(sent.escapes);
    QCOMPARE(sent, m_panel->spec());
    QCOMPARE(editor->toPlainText(), QStringLiteral("hello\\r")); // no newline inserted

    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QCOMPARE(spy.count(), 2);
}

void tst_SendPanel::disconnectedDisablesSend()
{
    showPanel();
    type(QStringLiteral("abc"));
    QSignalSpy spy(m_panel, &SendPanel::sendRequested);
    const QString why = QStringLiteral("Not connected: the server is stopped");
    m_panel->setConnected(false, why);
    auto *send = child<QPushButton>("sendButton");
    QVERIFY(!send->isEnabled());
    QCOMPARE(send->toolTip(), why);
    QVERIFY(!child<QPushButton>("periodicButton")->isEnabled());
    QVERIFY(!child<QPushButton>("sendFileButton")->isEnabled());
    QTest::keyClick(child<QPlainTextEdit>("editor"), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(spy.count(), 0);

    m_panel->setConnected(true);
    QVERIFY(send->isEnabled());
    QTest::keyClick(child<QPlainTextEdit>("editor"), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(spy.count(), 1);
}

void tst_SendPanel::periodicControls()
{
    showPanel();
    type(QStringLiteral("tick"));
    child<QSpinBox>("intervalSpin")->setValue(250);
    child<QSpinBox>("countSpin")->setValue(10);
    QSignalSpy start(m_panel, &SendPanel::periodicStartRequested);
    QSignalSpy stop(m_panel, &SendPanel::periodicStopRequested);
    auto *button = child<QPushButton>("periodicButton");
    QTRY_VERIFY(button->isEnabled()); // after the preview debounce

    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(start.count(), 1);
    QCOMPARE(start.at(0).at(0).value<MessageSpec>().content, QStringLiteral("tick"));
    QCOMPARE(start.at(0).at(1).toInt(), 250);
    QCOMPARE(start.at(0).at(2).toInt(), 10);
    QCOMPARE(stop.count(), 0);

    m_panel->setPeriodicRunning(true);
    m_panel->setPeriodicProgress(3, 10);
    QVERIFY(button->text().contains(QLatin1String("3 / 10")));
    QVERIFY(!child<QSpinBox>("intervalSpin")->isEnabled());

    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(stop.count(), 1);
    QCOMPARE(start.count(), 1);

    m_panel->setPeriodicRunning(false);
    QVERIFY(!button->text().contains(QLatin1String("3 / 10")));
    QVERIFY(child<QSpinBox>("intervalSpin")->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(start.count(), 2);
}

void tst_SendPanel::fileControls()
{
    showPanel();
    auto *bar = child<QProgressBar>("fileProgress");
    auto *cancel = child<QPushButton>("fileCancelButton");
    QVERIFY(!bar->isVisible());
    QVERIFY(!cancel->isVisible());

    QSignalSpy requested(m_panel, &SendPanel::sendFileRequested);
    QSignalSpy cancelled(m_panel, &SendPanel::sendFileCancelRequested);
    m_panel->sendFile(QStringLiteral("/tmp/some file.bin"));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("/tmp/some file.bin"));
    QVERIFY(bar->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(!child<QPushButton>("sendFileButton")->isEnabled());

    m_panel->setFileProgress(50, 100);
    QCOMPARE(bar->maximum(), 1000);
    QCOMPARE(bar->value(), 500);
    m_panel->setFileProgress(3'000'000'000LL, 6'000'000'000LL); // beyond int
    QCOMPARE(bar->value(), 500);

    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(cancelled.count(), 1);

    m_panel->setFileFinished(false, QStringLiteral("Cancelled after 3 GB"));
    QVERIFY(!bar->isVisible());
    QVERIFY(!cancel->isVisible());
    QCOMPARE(child<QLabel>("statusLabel")->text(), QStringLiteral("Cancelled after 3 GB"));
    QVERIFY(child<QPushButton>("sendFileButton")->isEnabled());
}

void tst_SendPanel::specAndStateRoundTrip()
{
    MessageSpec s;
    s.format = MessageFormat::Hex;
    s.content = QStringLiteral("01 03 00 00 00 0A");
    s.encoding = Encoding::Latin1;
    s.lineEnding = LineEnding::None;
    s.checksum = ChecksumKind::Crc16Modbus;
    s.checksumOrder = ByteOrder::LittleEndian;
    s.dynamicFields = true;
    m_panel->setSpec(s);
    QCOMPARE(m_panel->spec(), s);
    // CRC-16/MODBUS of 01 03 00 00 00 0A is 0xCDC5, sent low byte first.
    QCOMPARE(m_panel->previewResult().bytes, QByteArray::fromHex("01030000000AC5CD"));
    child<QSpinBox>("intervalSpin")->setValue(1500);
    child<QSpinBox>("countSpin")->setValue(7);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.beginGroup(QStringLiteral("tab1"));
        m_panel->saveState(settings);
        settings.endGroup();
    }
    SendPanel other;
    QVERIFY(other.spec() != s);
    QSettings settings(path, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("tab1"));
    other.restoreState(settings);
    QCOMPARE(other.spec(), s);
    QCOMPARE(other.findChild<QSpinBox *>(QStringLiteral("intervalSpin"))->value(), 1500);
    QCOMPARE(other.findChild<QSpinBox *>(QStringLiteral("countSpin"))->value(), 7);
    QCOMPARE(other.findChild<QRadioButton *>(QStringLiteral("hexModeRadio"))->isChecked(), true);
}

// --- models ----------------------------------------------------------------

static MessageSpec textSpec(const QString &content)
{
    MessageSpec s;
    s.content = content;
    return s;
}

void tst_SendPanel::variantRoundTrip()
{
    MessageSpec s;
    s.format = MessageFormat::Hex;
    s.content = QStringLiteral("AA, BB; {{counter:u8}}");
    s.encoding = Encoding::Gbk;
    s.escapes = true;
    s.lineEnding = LineEnding::CR;
    s.checksum = ChecksumKind::Crc32;
    s.checksumOrder = ByteOrder::LittleEndian;
    s.dynamicFields = true;
    const QVariantMap map = messageSpecToVariant(s);
    QCOMPARE(map.value(QStringLiteral("format")).toString(), QStringLiteral("hex"));
    QCOMPARE(map.value(QStringLiteral("checksum")).toString(), QStringLiteral("crc32"));
    MessageSpec back;
    QVERIFY(messageSpecFromVariant(map, &back));
    QCOMPARE(back, s);
}

void tst_SendPanel::variantRejectsGarbage()
{
    MessageSpec untouched = textSpec(QStringLiteral("keep"));
    MessageSpec s = untouched;
    QVERIFY(!messageSpecFromVariant({}, &s)); // no content
    QVariantMap map = messageSpecToVariant(textSpec(QStringLiteral("x")));
    map.insert(QStringLiteral("encoding"), QStringLiteral("EBCDIC"));
    QVERIFY(!messageSpecFromVariant(map, &s));
    map = messageSpecToVariant(textSpec(QStringLiteral("x")));
    map.insert(QStringLiteral("checksum"), QStringLiteral("md5"));
    QVERIFY(!messageSpecFromVariant(map, &s));
    QCOMPARE(s, untouched);

    // Missing options keep the defaults; a checksum alone gets its default order.
    map = {{QStringLiteral("content"), QStringLiteral("y")},
           {QStringLiteral("checksum"), QStringLiteral("crc16-modbus")}};
    QVERIFY(messageSpecFromVariant(map, &s));
    QCOMPARE(s.content, QStringLiteral("y"));
    QCOMPARE(s.format, MessageFormat::Text);
    QCOMPARE(s.checksumOrder, ByteOrder::LittleEndian);
}

void tst_SendPanel::historyOrderAndDedup()
{
    SendHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const MessageSpec a = textSpec(QStringLiteral("a"));
    const MessageSpec b = textSpec(QStringLiteral("b"));
    MessageSpec c = textSpec(QStringLiteral("c"));
    model.add(a);
    model.add(b);
    model.add(c);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.spec(0), c);
    QCOMPARE(model.spec(1), b);
    QCOMPARE(model.spec(2), a);

    model.add(a); // moves up, no duplicate
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.spec(0), a);
    QCOMPARE(model.spec(1), c);
    QCOMPARE(model.spec(2), b);

    model.add(a); // already on top
    QCOMPARE(model.rowCount(), 3);

    // Same content, other options: a different message.
    MessageSpec a2 = a;
    a2.lineEnding = LineEnding::CRLF;
    model.add(a2);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.spec(0), a2);
    QCOMPARE(model.data(model.index(0)).toString(), QStringLiteral("a"));

    c.content = QStringLiteral("line1\nline2");
    model.add(c);
    QVERIFY(!model.data(model.index(0)).toString().contains(u'\n'));
}

void tst_SendPanel::historyCap()
{
    SendHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < SendHistoryModel::DefaultCapacity + 5; ++i)
        model.add(textSpec(QString::number(i)));
    QCOMPARE(model.rowCount(), SendHistoryModel::DefaultCapacity);
    QCOMPARE(model.spec(0).content, QString::number(SendHistoryModel::DefaultCapacity + 4));
    QCOMPARE(model.spec(SendHistoryModel::DefaultCapacity - 1).content, QStringLiteral("5"));
    model.setCapacity(3);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.spec(2).content, QString::number(SendHistoryModel::DefaultCapacity + 2));
}

void tst_SendPanel::historyPersistence()
{
    SendHistoryModel model;
    MessageSpec hex;
    hex.format = MessageFormat::Hex;
    hex.content = QStringLiteral("01 03 00 00 00 0A");
    hex.checksum = ChecksumKind::Crc16Modbus;
    hex.checksumOrder = ByteOrder::LittleEndian;
    MessageSpec chinese = textSpec(QStringLiteral("你好, world\r\nsecond = line"));
    chinese.encoding = Encoding::Gbk;
    chinese.escapes = true;
    model.add(textSpec(QStringLiteral("first")));
    model.add(hex);
    model.add(chinese);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("history.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        model.save(settings, QStringLiteral("tcpClient/history"));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    SendHistoryModel loaded;
    QAbstractItemModelTester tester(&loaded,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(loaded.load(settings, QStringLiteral("tcpClient/history")), 3);
    QCOMPARE(loaded.rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(loaded.spec(row), model.spec(row));
    QCOMPARE(loaded.spec(0), chinese);

    // Saving a shorter list leaves no stale entries behind.
    model.removeRows(0, 2);
    model.save(settings, QStringLiteral("tcpClient/history"));
    QCOMPARE(loaded.load(settings, QStringLiteral("tcpClient/history")), 1);
    QCOMPARE(loaded.spec(0).content, QStringLiteral("first"));

    // Another group is independent.
    QCOMPARE(loaded.load(settings, QStringLiteral("udp/history")), 0);
}

void tst_SendPanel::presetPersistenceAndRename()
{
    SendPresetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addPreset(QStringLiteral("Read registers"), textSpec(QStringLiteral("R")));
    model.addPreset(QStringLiteral("  "), textSpec(QStringLiteral("PING")));
    QCOMPARE(model.name(1), QStringLiteral("PING")); // blank name -> summary
    QVERIFY(model.setData(model.index(1), QStringLiteral("心跳")));
    QCOMPARE(model.data(model.index(1)).toString(), QStringLiteral("心跳"));
    QVERIFY(!model.rename(1, QStringLiteral(" "))); // blank refused
    QVERIFY(model.flags(model.index(0)) & Qt::ItemIsEditable);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("presets.ini")), QSettings::IniFormat);
    model.save(settings, QStringLiteral("presets"));
    SendPresetModel loaded;
    QCOMPARE(loaded.load(settings, QStringLiteral("presets")), 2);
    QCOMPARE(loaded.name(0), QStringLiteral("Read registers"));
    QCOMPARE(loaded.name(1), QStringLiteral("心跳"));
    QCOMPARE(loaded.spec(1).content, QStringLiteral("PING"));
}

void tst_SendPanel::presetDoubleClickSends()
{
    showPanel();
    type(QStringLiteral("PING"));
    m_panel->addCurrentAsPreset(QStringLiteral("Ping"));
    QCOMPARE(m_panel->presetModel()->rowCount(), 1);
    auto *tabs = child<QTabWidget>("listTabs");
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("presetTab"));

    auto *editor = child<QPlainTextEdit>("editor");
    editor->clear();
    QSignalSpy spy(m_panel, &SendPanel::sendRequested);
    auto *view = child<QListView>("presetView");
    QTRY_VERIFY(view->isVisible());
    QTRY_VERIFY(view->visualRect(m_panel->presetModel()->index(0)).isValid());
    const QPoint pos = view->visualRect(m_panel->presetModel()->index(0)).center();
    // What a real double-click delivers: press, release, double-click, release.
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, pos);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(spy.count(), 0); // the first click only loads
    QCOMPARE(editor->toPlainText(), QStringLiteral("PING"));
    editor->clear();
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, pos);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<MessageSpec>().content, QStringLiteral("PING"));
    QCOMPARE(editor->toPlainText(), QStringLiteral("PING"));
}

void tst_SendPanel::historyClickLoadsWithoutSending()
{
    showPanel();
    MessageSpec hex;
    hex.format = MessageFormat::Hex;
    hex.content = QStringLiteral("AA 55");
    m_panel->addToHistory(textSpec(QStringLiteral("older")));
    m_panel->addToHistory(hex);
    QCOMPARE(m_panel->historyModel()->rowCount(), 2);

    QSignalSpy spy(m_panel, &SendPanel::sendRequested);
    auto *view = child<QListView>("historyView");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(m_panel->historyModel()->index(0)).center());
    QCOMPARE(spy.count(), 0);
    QCOMPARE(m_panel->spec(), hex);
    QVERIFY(child<QRadioButton>("hexModeRadio")->isChecked());
    QCOMPARE(previewText(), QStringLiteral("AA 55"));
}

void tst_SendPanel::historyEnterSends()
{
    showPanel();
    m_panel->addToHistory(textSpec(QStringLiteral("one")));
    m_panel->addToHistory(textSpec(QStringLiteral("two")));
    auto *view = child<QListView>("historyView");
    view->setFocus();
    view->setCurrentIndex(m_panel->historyModel()->index(1));
    QSignalSpy spy(m_panel, &SendPanel::sendRequested);
    QTest::keyClick(view, Qt::Key_Space); // load only
    QCOMPARE(spy.count(), 0);
    QCOMPARE(m_panel->spec().content, QStringLiteral("one"));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<MessageSpec>().content, QStringLiteral("one"));
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(m_panel->historyModel()->rowCount(), 1);
}

void tst_SendPanel::screenshot()
{
    showPanel();
    m_panel->addToHistory(textSpec(QStringLiteral("AT+GMR")));
    MessageSpec hex;
    hex.format = MessageFormat::Hex;
    hex.content = QStringLiteral("01 03 00 00 00 0A");
    hex.checksum = ChecksumKind::Crc16Modbus;
    hex.checksumOrder = ByteOrder::LittleEndian;
    m_panel->addToHistory(hex);
    m_panel->addToHistory(textSpec(QStringLiteral("你好，服务器")));
    m_panel->presetModel()->addPreset(QStringLiteral("Modbus read"), hex);
    MessageSpec s = textSpec(QStringLiteral("温度=25.3°C 湿度=60%\\r\\n序号 {{counter:width=4}}"));
    s.encoding = Encoding::Gbk;
    s.escapes = true;
    s.dynamicFields = true;
    s.lineEnding = LineEnding::CRLF;
    s.checksum = ChecksumKind::Crc16Modbus;
    s.checksumOrder = ByteOrder::LittleEndian;
    m_panel->setSpec(s);
    m_panel->setPeriodicRunning(true);
    m_panel->setPeriodicProgress(3, 10);
    m_panel->sendFile(QStringLiteral("/tmp/firmware.bin"));
    m_panel->setFileProgress(1'200'000, 4'000'000);
    QVERIFY(m_panel->canSend());
    QCOMPARE(m_panel->width(), 900);
    // It shows what it is meant to: the file's progress, visible.
    auto *fileProgress = child<QProgressBar>("fileProgress");
    QVERIFY(fileProgress->isVisible());
    QCOMPARE(fileProgress->value(), 300);
    QVERIFY(saveScreenshot(*m_panel, QStringLiteral("sendpanel")));

    // And with an error: the underline and the reason in the preview line.
    m_panel->setFileFinished(true, QString());
    m_panel->setPeriodicRunning(false);
    MessageSpec bad;
    bad.format = MessageFormat::Hex;
    bad.content = QStringLiteral("AA 55 {{counter:u16be}} 0G 12");
    bad.dynamicFields = true;
    m_panel->setSpec(bad);
    QVERIFY(!m_panel->canSend());
    QVERIFY2(previewText().contains(QLatin1Char('G')), qPrintable(previewText()));
    QVERIFY(child<QLabel>("previewLabel")->isVisible());
    QVERIFY(saveScreenshot(*m_panel, QStringLiteral("sendpanel-error")));
}

QTEST_MAIN(tst_SendPanel)
#include "tst_sendpanel.moc"
