// The window fits the screens learners have (issue #11 item 20): at 1280×800 and 900×600,
// for every tab and every framing choice, the window is not widened past the screen, the
// main panes need no horizontal scrolling, and no control is squeezed below what it needs
// to show its text (the checksum choice, the hex error). The hex error names the column.
//
// With SOCKSCOPE_LAYOUT_SHOTS set to a directory, every checked state is also saved there
// as a PNG, to look at.
#include "ui/appsettings.h"
#include "ui/framingselector.h"
#include "ui/mainwindow.h"
#include "ui/sendpanel.h"
#include "ui/sessiontab.h"

#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace sockscope;
using namespace Qt::StringLiterals;

namespace {

// Visible widgets of the tab squeezed narrower than their minimum size hint: their text is
// cut. Labels that wrap or elide on purpose (size policy Ignored) do not count.
QStringList squeezed(QWidget *root)
{
    QStringList out;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root) || w->isWindow())
            continue;
        if (!qobject_cast<QComboBox *>(w) && !qobject_cast<QLabel *>(w) &&
            !qobject_cast<QAbstractButton *>(w))
            continue;
        if (auto *l = qobject_cast<QLabel *>(w);
            l && (l->wordWrap() || l->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored))
            continue;
        if (w->width() + 1 < w->minimumSizeHint().width())
            out << u"%1 '%2' %3 < %4"_s
                       .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                       .arg(w->width())
                       .arg(w->minimumSizeHint().width());
    }
    return out;
}

void shoot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("SOCKSCOPE_LAYOUT_SHOTS");
    if (!dir.isEmpty())
        w->grab().save(QDir(dir).filePath(name + u".png"_s));
}

} // namespace

class tst_Layout : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"sockscope.ini"_s));
        m_window = std::make_unique<MainWindow>(m_settings.get());
    }
    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void fitsTheScreen_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("tab");
        QTest::addColumn<int>("framing"); // FramingSelector kind index; -1: none (UDP)
        const QStringList tabs{u"server"_s, u"client"_s, u"udp"_s};
        for (const QSize size : {QSize(1280, 800), QSize(900, 600)}) {
            for (int t = 0; t < 3; ++t) {
                const int kinds = t == 2 ? 1 : 6;
                for (int k = 0; k < kinds; ++k)
                    QTest::addRow("%dx%d %s framing %d", size.width(), size.height(),
                                  qPrintable(tabs.at(t)), t == 2 ? -1 : k)
                        << size << t << (t == 2 ? -1 : k);
            }
        }
    }

    void fitsTheScreen()
    {
        QFETCH(QSize, size);
        QFETCH(int, tab);
        QFETCH(int, framing);
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->sessionTabs()->setCurrentIndex(tab);
        auto *session = qobject_cast<SessionTab *>(m_window->sessionTabs()->widget(tab));
        QVERIFY(session);
        if (framing >= 0) {
            auto *kind = session->findChild<QComboBox *>(u"framingKind"_s);
            QVERIFY(kind);
            kind->setCurrentIndex(framing);
        }
        // The checksum choice with the longest name, as a user might pick it.
        auto *check = session->findChild<QComboBox *>(u"rxChecksum"_s);
        QVERIFY(check);
        int longest = 0;
        for (int i = 1; i < check->count(); ++i)
            if (check->itemText(i).size() > check->itemText(longest).size())
                longest = i;
        check->setCurrentIndex(longest);
        QTest::qWait(50);       // layouts settle
        m_window->resize(size); // as a window manager would keep it at the screen size
        QTest::qWait(50);
        shoot(
            m_window.get(),
            u"%1x%2-tab%3-framing%4"_s.arg(size.width()).arg(size.height()).arg(tab).arg(framing));

        {
            // The chosen checksum's name is shown whole ("Check CRC-16/M…" was cut).
            QComboBox whole;
            whole.setFont(check->font());
            whole.addItem(check->currentText());
            QVERIFY2(check->width() >= whole.sizeHint().width(),
                     qPrintable(u"'%1' in %2 px, needs %3"_s.arg(check->currentText())
                                    .arg(check->width())
                                    .arg(whole.sizeHint().width())));
        }
        QVERIFY2(m_window->minimumSizeHint().width() <= size.width(),
                 qPrintable(u"needs %1 px"_s.arg(m_window->minimumSizeHint().width())));
        QCOMPARE(m_window->width(), size.width());
        const QStringList cut = squeezed(session);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u"; "_s)));
        if (auto *peers = session->findChild<QTreeView *>(u"peerList"_s)) {
            QVERIFY2(!peers->horizontalScrollBar()->isVisible(),
                     "the peer list's counters hide behind a horizontal scroll bar");
            const int last = peers->header()->sectionViewportPosition(
                                 peers->header()->logicalIndex(peers->header()->count() - 1)) +
                             peers->header()->sectionSize(
                                 peers->header()->logicalIndex(peers->header()->count() - 1));
            QVERIFY2(
                last <= peers->viewport()->width(),
                qPrintable(u"columns end at %1 of %2"_s.arg(last).arg(peers->viewport()->width())));
        }
        auto *dump = session->findChild<QAbstractScrollArea *>(u"hexDump"_s);
        QVERIFY(dump);
        QVERIFY2(!dump->horizontalScrollBar()->isVisible(), "the hex dump scrolls horizontally");
        const auto tables = session->findChildren<QTableView *>();
        for (QTableView *t : tables)
            if (t->isVisibleTo(session))
                QVERIFY2(!t->horizontalScrollBar()->isVisible(),
                         qPrintable(t->objectName() + u" scrolls horizontally"_s));
    }

    // The hex error says where the bad digit is, and shows whole at the smaller size.
    void hexErrorNamesTheColumn_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("where");
        QTest::newRow("first line") << u"01 02 0G 04"_s << u"column 8"_s;
        QTest::newRow("second line") << u"01 02\n03 X4"_s << u"line 2, column 4"_s;
    }

    void hexErrorNamesTheColumn()
    {
        QFETCH(QString, content);
        QFETCH(QString, where);
        m_window->resize(900, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *session = qobject_cast<SessionTab *>(m_window->sessionTabs()->widget(0));
        SendPanel *panel = session->sendPanel();
        MessageSpec s;
        s.format = MessageFormat::Hex;
        s.content = content;
        panel->setSpec(s);
        QTest::qWait(50);
        auto *preview = panel->findChild<QLabel *>(u"previewLabel"_s);
        QVERIFY(preview);
        shoot(m_window.get(), u"900x600-hex-error-"_s +
                                  QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY2(preview->text().contains(where), qPrintable(preview->text()));
        // Whole: either it fits in one line or the label wraps it with room for every line.
        const QFontMetrics fm(preview->font());
        const QRect need = fm.boundingRect(QRect(0, 0, preview->width(), 10000), Qt::TextWordWrap,
                                           preview->text());
        QVERIFY2(preview->wordWrap() ? need.height() <= preview->height()
                                     : fm.horizontalAdvance(preview->text()) <= preview->width(),
                 qPrintable(u"'%1' in %2×%3"_s.arg(preview->text())
                                .arg(preview->width())
                                .arg(preview->height())));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_Layout)
#include "tst_layout.moc"
