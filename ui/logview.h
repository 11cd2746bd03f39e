#pragma once

#include <QTableView>

namespace sockscope {

class LogDataDelegate;
class PaintThrottle;

// The message log table, over a LogModel or a LogFilterModel on top of one.
// Built for floods: every row has the same fixed height (nothing is measured
// per row), column widths come from font metrics, and the Data column stretches.
//
// Follows new rows while the view is at the bottom; scrolling up pauses that
// (the rows in view stay put even while old rows are evicted above them) and
// scrolling back to the bottom resumes it.
class LogView : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    // Lines of Data text shown per row when wrapping.
    static constexpr int WrapLines = 4;

    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    void setModel(QAbstractItemModel *model) override;

    void setShowTimestamps(bool show);
    bool showTimestamps() const { return m_showTimestamps; }

    // Wraps Data text into up to WrapLines lines (taller fixed rows, last line elided).
    void setWrapData(bool wrap);
    bool wrapData() const { return m_wrap; }

    // Auto-scroll here means following new rows; true also scrolls to the
    // bottom. These hide QAbstractItemView's setAutoScroll()/hasAutoScroll()
    // (edge scrolling while dragging, which stays on) so that the pair matches
    // autoScrollChanged() and a connect to &LogView::setAutoScroll does the
    // expected thing.
    void setAutoScroll(bool follow);
    bool hasAutoScroll() const { return m_following; }

    // A relay's log: the direction column fits "C→S (injected)".
    void setRelayColumns(bool relay);

    // Selected rows as tab-separated lines of the visible columns, in row order.
    QString selectedRowsText() const;
    void copySelection() const;

signals:
    void autoScrollChanged(bool following);
    // The current row's full payload and its stable sequence number (for the byte view).
    void currentRecordChanged(const QByteArray &bytes, quint64 sequence);
    void currentRecordCleared();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;

private:
    void onRowsRemoved();
    void onScrollValueChanged(int value);
    void onScrollRangeChanged(int min, int max);
    void setFollowingState(bool following);
    void updateRowHeight();
    void applyColumnWidths();

    LogDataDelegate *m_delegate = nullptr;
    QList<QMetaObject::Connection> m_modelConnections;
    PaintThrottle *m_paintThrottle; // new rows paint at most ~30 times a second
    bool m_showTimestamps = true;
    bool m_wrap = false;
    bool m_relayColumns = false;
    bool m_following = true;
    bool m_removing = false; // inside a row removal of the model
    int m_removedAbove = 0;  // rows of that removal above the first visible row
};

} // namespace sockscope
