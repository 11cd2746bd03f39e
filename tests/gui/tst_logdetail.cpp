// The log pane's detail view: the decoded-text box beside the hex dump renders the selected
// record exactly as its log row does (with the record's carry-in), and a record holding only
// the start of a character says so, dimmed, in the row and in the box.
#include "core/codec/textcodec.h"
#include "ui/hexdumpview.h"
#include "ui/logmodel.h"
#include "ui/logpane.h"
#include "ui/logview.h"

#include <QGuiApplication>
#include <QPalette>
#include <QPlainTextEdit>
#include <QTest>

using namespace sockscope;

namespace {

const QString kContinues = QStringLiteral("…continues");

// Rx records of one stream cut into chunks, with carries computed as the session does
// (one CharCarry per encoding for the peer and direction).
LogRecords stream(const QList<QByteArray> &chunks)
{
    CharCarry utf8(Encoding::Utf8);
    CharCarry gbk(Encoding::Gbk);
    LogRecords out;
    for (const QByteArray &c : chunks) {
        LogRecord r;
        r.kind = LogRecord::Kind::Rx;
        r.peerId = 1;
        r.timeUs = 1700000000123456ll;
        r.bytes = c;
        r.carryUtf8 = utf8.feed(c);
        r.carryGbk = gbk.feed(c);
        out << r;
    }
    return out;
}

QPlainTextEdit *decodedBox(LogPane &pane)
{
    return pane.findChild<QPlainTextEdit *>(QStringLiteral("decodedText"));
}

void select(LogPane &pane, int row)
{
    LogView *view = pane.view();
    view->setCurrentIndex(view->model()->index(row, LogModel::DataColumn));
}

QString rowText(const LogPane &pane, int row)
{
    return pane.model()->index(row, LogModel::DataColumn).data().toString();
}

} // namespace

class tst_LogDetail : public QObject
{
    Q_OBJECT

private slots:
    void boxMatchesRow_data();
    void boxMatchesRow();
    void partialCharacterRowIsDim();
    void displayModeRerendersBox();
};

void tst_LogDetail::boxMatchesRow_data()
{
    QTest::addColumn<LogModel::DisplayMode>("mode");
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QStringList>("rows");
    const auto h = [](const char *hex) { return QByteArray::fromHex(hex); };
    using L = QList<QByteArray>;
    // The report: the row read 你好世界, the box 懐檬澜\xE7 (the record decoded on its own).
    QTest::newRow("gbk lead byte alone, then the rest")
        << LogModel::DisplayMode::Gbk << L{h("c4"), h("e3bac3cac0bde7")}
        << QStringList{kContinues, QStringLiteral("你好世界")};
    QTest::newRow("gbk character cut at the end")
        << LogModel::DisplayMode::Gbk << L{h("41c4e3ba"), h("c3")}
        << QStringList{QStringLiteral("A你"), QStringLiteral("好")};
    QTest::newRow("gbk after an invalid byte")
        << LogModel::DisplayMode::Gbk << L{h("68656c6c6fc235c4"), h("e3bac3cac0bd"), h("e7")}
        << QStringList{QStringLiteral("hello"), QStringLiteral("\\xC25你好世"),
                       QStringLiteral("界")};
    QTest::newRow("utf8 lead byte alone, then the rest")
        << LogModel::DisplayMode::Utf8 << L{h("e4"), h("bda0e5"), h("a5bd21")}
        << QStringList{kContinues, QStringLiteral("你"), QStringLiteral("好!")};
}

void tst_LogDetail::boxMatchesRow()
{
    QFETCH(LogModel::DisplayMode, mode);
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QStringList, rows);
    LogPane pane;
    pane.setDisplayMode(mode);
    pane.appendRecords(stream(chunks));
    QCOMPARE(pane.model()->rowCount(), rows.size());
    QPlainTextEdit *box = decodedBox(pane);
    QVERIFY(box);
    const QString idle = box->placeholderText();
    for (int row = 0; row < rows.size(); ++row) {
        QCOMPARE(rowText(pane, row), rows.at(row));
        select(pane, row);
        QCOMPARE(pane.hexDump()->bytes(), chunks.at(row)); // the hex dump: the record's bytes
        if (rows.at(row) == kContinues) {
            QCOMPARE(box->toPlainText(), QString());
            QVERIFY2(box->placeholderText().startsWith(kContinues),
                     qPrintable(box->placeholderText()));
        } else {
            QCOMPARE(box->toPlainText(), rows.at(row));
            QCOMPARE(box->placeholderText(), idle);
        }
    }
}

void tst_LogDetail::partialCharacterRowIsDim()
{
    LogPane pane;
    pane.setDisplayMode(LogModel::DisplayMode::Gbk);
    pane.appendRecords(stream({"\xC4", "\xE3"}));
    const QAbstractItemModel *m = pane.model();
    const QColor dim = QGuiApplication::palette().color(QPalette::PlaceholderText);
    const QModelIndex partial = m->index(0, LogModel::DataColumn);
    const QModelIndex whole = m->index(1, LogModel::DataColumn);
    QCOMPARE(partial.data(Qt::ForegroundRole).value<QColor>(), dim);
    QVERIFY(whole.data(Qt::ForegroundRole).value<QColor>() != dim);
    QVERIFY2(partial.data(Qt::ToolTipRole).toString().contains(QStringLiteral("next message")),
             qPrintable(partial.data(Qt::ToolTipRole).toString()));
    QVERIFY(!whole.data(Qt::ToolTipRole).toString().contains(QStringLiteral("next message")));
    // Hex shows the byte itself: nothing continues there.
    pane.setDisplayMode(LogModel::DisplayMode::Hex);
    QCOMPARE(partial.data().toString(), QStringLiteral("C4"));
    QVERIFY(partial.data(Qt::ForegroundRole).value<QColor>() != dim);
}

void tst_LogDetail::displayModeRerendersBox()
{
    // "你好" in UTF-8 cut after its fourth byte: in GBK the same bytes read differently,
    // and each mode uses its own carry-in.
    LogPane pane;
    pane.setDisplayMode(LogModel::DisplayMode::Utf8);
    pane.appendRecords(stream({"\xE4\xBD\xA0\xE5", "\xA5\xBD"}));
    select(pane, 1);
    QPlainTextEdit *box = decodedBox(pane);
    QCOMPARE(box->toPlainText(), QStringLiteral("好"));
    pane.setDisplayMode(LogModel::DisplayMode::Gbk);
    QCOMPARE(box->toPlainText(), rowText(pane, 1));
    QCOMPARE(box->toPlainText(),
             decodeRecord(stream({"\xE4\xBD\xA0\xE5", "\xA5\xBD"}).at(1).carryGbk, "\xA5\xBD",
                          Encoding::Gbk, InvalidBytes::Visible));
}

QTEST_MAIN(tst_LogDetail)
#include "tst_logdetail.moc"
