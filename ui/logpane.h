#pragma once

#include "core/log/logexport.h"
#include "logmodel.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSettings;
class QToolButton;
class QVBoxLayout;

namespace sockscope {

class HexDumpView;
class LogFilterModel;
class LogView;

// A session's log: the message table (display encoding, filters, pause,
// find) over the flood-proof model, and the detail pane with the selected
// record's full bytes as a hex dump and as decoded text.
class LogPane : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPane)

public:
    explicit LogPane(QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    LogView *view() const { return m_view; }
    HexDumpView *hexDump() const { return m_hex; }

    void appendRecords(const sockscope::LogRecords &records);
    void setPeerName(quint32 id, const QString &name);
    // A peer the session opened: its name and, for a relay, its pair (see LogModel::notePeer).
    void notePeer(const sockscope::PeerInfo &peer);
    // Empty: all peers. A relay side brings its partner: a pair shows in both directions.
    void setPeerFilter(const QList<quint32> &peerIds);

    void setDisplayMode(LogModel::DisplayMode mode);
    LogModel::DisplayMode displayMode() const;
    LogExport::Options exportOptions() const;

    void saveState(QSettings &settings) const;
    void restoreState(QSettings &settings);

public slots:
    void findNext();
    void findPrevious();
    void clear();

    // Unchecks "record" when recording could not start.
    void setRecording(bool on);

signals:
    void saveLogRequested();
    void recordToggled(bool on);

private:
    void buildDisplayBar(QHBoxLayout *bar);
    void buildLogButtons(QHBoxLayout *bar);
    void buildFindBar(QHBoxLayout *bar);
    void buildViews(QVBoxLayout *layout);
    void connectSignals();
    void find(bool forward);
    void showRecord(const sockscope::LogRecord &record);
    sockscope::LogRecord recordOf(const QByteArray &bytes, quint64 sequence) const;

    LogModel *m_model = nullptr;
    LogFilterModel *m_filter = nullptr;
    LogView *m_view = nullptr;
    HexDumpView *m_hex = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_display = nullptr;
    QCheckBox *m_timestamps = nullptr;
    QCheckBox *m_showTx = nullptr;
    QCheckBox *m_wrap = nullptr;
    QToolButton *m_pause = nullptr;
    QToolButton *m_autoScroll = nullptr;
    QLineEdit *m_find = nullptr;
    QCheckBox *m_findHex = nullptr;
    QLabel *m_findStatus = nullptr;
    LogRecord m_current; // shown in the detail pane
    QAction *m_record = nullptr;
};

} // namespace sockscope
