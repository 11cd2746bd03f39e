#pragma once

#include "core/log/logstore.h"
#include "core/session/peer.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QColor>
#include <QHash>
#include <QSet>

namespace sockscope {

// A session's message log as a table. Rows are the records of a LogStore
// (raw bytes, time, peer): everything shown is derived in data(), lazily, in
// the current display mode, so switching modes never loses or alters data.
// The store is capped by rows and bytes; appendRecords() announces the
// evicted rows with remove signals and the new rows with ONE insert block.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Column
    {
        TimeColumn,
        DirectionColumn,
        PeerColumn,
        LengthColumn,
        DataColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        BytesRole = Qt::UserRole, // QByteArray: the whole payload (events: the text in UTF-8)
        SequenceRole,             // quint64: stable for the row's life, survives evictions
        PeerIdRole,               // quint32
        KindRole,                 // int(LogRecord::Kind)
        FlagsRole,                // int(LogRecord::Flags)
        TimeUsRole,               // qint64: microseconds since the Unix epoch
    };
    Q_ENUM(Role)

    enum class DisplayMode
    {
        Utf8,
        Gbk,
        Latin1,
        Hex
    };
    Q_ENUM(DisplayMode)

    // Bytes of a payload rendered in the table; the rest is summarised.
    static constexpr int DefaultRenderLimit = 1024;
    // Rendered Data cells kept; enough for several screens of rows.
    static constexpr int CachedRows = 4000;

    explicit LogModel(QObject *parent = nullptr);
    ~LogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shrinking the caps evicts right away. Records held while paused obey them too.
    void setLimits(const LogStore::Limits &limits);
    LogStore::Limits limits() const { return m_store.limits(); }
    const LogStore &store() const { return m_store; }

    // Names outlive the session's peer table, so old rows keep their endpoint.
    void setPeerName(quint32 id, const QString &name);
    QString peerName(quint32 id) const { return m_peerNames.value(id); }
    qsizetype peerNameCount() const { return m_peerNames.size(); }
    // The session dropped these peers: each name goes once no row (shown or held) needs it.
    void forgetPeerNames(const QList<quint32> &ids);

    // A peer as the session opened it: its name and, for a relay's side, its pair. A relay's
    // rows read "C→S" / "S→C" (injected ones say so) and name the pair by its client's
    // endpoint in both directions. A peer with a side makes the model a relay's by itself.
    void notePeer(const sockscope::PeerInfo &peer);
    void setRelay(bool relay);
    bool isRelay() const { return m_relay; }
    enum class RelayDirection
    {
        None, // not a relay's data row: RX / TX as in every other session
        ClientToServer,
        ServerToClient,
    };
    RelayDirection relayDirection(const LogRecord &record) const;
    // A relay's Tx row: sent by the user to one side, not forwarded from the other.
    bool isInjected(const LogRecord &record) const;
    // A relay's Tx row that a rewrite rule passed on instead of the frame received (the Rx row
    // before it, of the same direction, is marked rewritten). Rx rows a rule changed, dropped
    // (struck through) or delayed say so in their direction, and their tooltip names the rule.
    bool isReplacement(const LogRecord &record) const;
    // The name the peer column shows: for a relay's upstream side, its client's endpoint.
    QString pairName(quint32 id) const;
    // The peer that name belongs to: a relay's upstream side's client; otherwise id itself.
    quint32 namedAs(quint32 id) const;
    // The ids with, for each relay side, the other side of its pair (both directions).
    QList<quint32> withPartners(const QList<quint32> &ids) const;

    void setDisplayMode(DisplayMode mode);
    DisplayMode displayMode() const { return m_mode; }

    void setRenderLimit(int bytes);
    int renderLimit() const { return m_renderLimit; }

    // A batch from Session::recordsReady. Oldest rows beyond the caps go first.
    void appendRecords(const sockscope::LogRecords &records);

    // While paused, batches are held (within the same caps) and appended on resume.
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    qsizetype heldCount() const { return m_held.size(); }
    // Every record the model has: the stored rows, then those held while paused.
    LogRecords allRecords() const;

    void clear();

    // Searches rows starting AT fromRow (out of range: from the first/last row)
    // in the given direction, wrapping around; -1 when nothing matches.
    // hex: text is parsed as hex bytes and matched against the raw payload;
    // otherwise text is matched case-insensitively against the rendered Data text
    // in the current display mode (the whole payload, not just the shown part).
    int findRow(const QString &text, bool hex, int fromRow, bool forward) const;

    const LogRecord &record(int row) const { return m_store.at(row); }
    quint64 sequence(int row) const { return m_store.sequenceOf(row); }
    int rowOfSequence(quint64 sequence) const { return int(m_store.rowOf(sequence)); }

    // Data text of a record in the current mode; limit < 0 renders everything.
    QString renderData(const LogRecord &record, int limit) const;
    // True when the record's text in the current mode is empty only because its bytes are the
    // start of a character that the next record of its peer and direction completes. Its row
    // then reads a dim "…continues" instead of nothing.
    bool holdsPartialCharacter(const LogRecord &record) const;

signals:
    void pausedChanged(bool paused);
    void displayModeChanged(sockscope::LogModel::DisplayMode mode);
    void relayChanged(bool relay);

private:
    void insertRecords(const LogRecords &records);
    void evictRows(qsizetype count);
    void notePeerSpans(const LogRecords &records, qsizetype from, quint64 firstSeq);
    QString dataText(int row) const;
    QString directionText(const LogRecord &record) const;
    QString peerText(quint32 id) const;
    QString relayDirectionText(const LogRecord &record) const;
    QString relayDirectionTip(const LogRecord &record) const;
    QString rewriteTip(const LogRecord &record) const;
    QVariant directionBackground(const LogRecord &record) const;
    QString relayPeerTip(quint32 id) const;
    void repaintPeerRows(quint32 id, int column);
    QString flagsSuffix(const LogRecord &r) const;
    QString toolTip(int row, int column) const;
    QVariant foreground(const LogRecord &record, int column) const;

    LogStore m_store;
    LogStore m_held; // batches that arrived while paused
    bool m_paused = false;
    DisplayMode m_mode = DisplayMode::Utf8;
    int m_renderLimit = DefaultRenderLimit;
    QHash<quint32, QString> m_peerNames;
    bool m_relay = false;
    // A relay side's place in its pair, by its peer id (kept as long as its name).
    struct PairSide
    {
        quint32 partner = 0;
        bool upstream = false;
    };
    QHash<quint32, PairSide> m_pairs;
    // First and last sequence number of each peer's rows, so a name change
    // repaints that span only (a new peer usually has no rows yet).
    struct SeqSpan
    {
        quint64 first = 0;
        quint64 last = 0;
    };
    QHash<quint32, SeqSpan> m_peerSpans;
    // Peers the session dropped whose names rows may still need; swept in batches so each
    // sweep's pass over the rows is paid for by many forgotten peers.
    QSet<quint32> m_retiredPeers;
    qsizetype m_sweepAt = MinRetiredSweep;
    static constexpr qsizetype MinRetiredSweep = 1024;
    void sweepRetiredNames();
    mutable QCache<quint64, QString> m_dataCache; // keyed by sequence number
};

} // namespace sockscope
