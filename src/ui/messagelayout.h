// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/messagekey.h"

#include <QDateTime>
#include <QFont>
#include <QList>
#include <QRect>
#include <QTextLayout>
#include <QUrl>
#include <QVariantList>

#include <functional>
#include <memory>

class QModelIndex;

namespace Natter {

/// What a message row shows, read once from the model's roles.
struct MessageItem
{
    QString key;
    QString serverId;
    QString fromId;
    QString author;
    QString text;
    QString replyTo;
    QString failReason;
    QDateTime time;
    QVariantList attachments;
    DeliveryState state = DeliveryState::Sent;
    bool edited = false;
    bool deleted = false;
    bool own = false;
    bool separator = false;
    bool showAuthor = false;

    static MessageItem fromIndex(const QModelIndex &index);
};

/// A link found in message text: characters [start, start + length) open `url`.
struct LinkRange
{
    int start = 0;
    int length = 0;
    QUrl url;
};

/// Links in plain text (http(s)://… and www.…), trailing punctuation left out.
QList<LinkRange> findLinks(const QString &text);

struct AttachmentBox
{
    int index = -1;
    bool picture = false; ///< a thumbnail; otherwise a card
    QRect rect;
    QString kind;
    QString name;
    QString mime;
    QString path;
    qint64 size = 0;
    /// No local copy (removed from the media cache, or never fetched): a placeholder with a
    /// download button; a picture's is thumbnail-sized.
    bool missing = false;
};

/// Where everything of one message row goes, in item coordinates (0,0 is the row's top left).
/// Computed without painting, from the item, the row width and the font.
struct MessageLayout
{
    QSize size;
    QRect separator; ///< the date pill; empty when none
    QString separatorText;
    QRect author; ///< the author line above the bubble; empty when hidden
    QString authorText;
    QRect bubble;
    QRect reply; ///< the quote block inside the bubble; empty when not a reply
    QString replyAuthor;
    QString replyText;
    QRect text;
    std::shared_ptr<QTextLayout> textLayout; ///< plain text, lines positioned from text.topLeft()
    QList<LinkRange> links;
    QList<AttachmentBox> attachments;
    QRect meta; ///< time and "edited"
    QString metaText;
    QRect mark; ///< the delivery mark of own messages; empty for others
    QRect retry; ///< "Not sent — Retry" under a failed bubble
    QString retryText;
    bool tombstone = false;

    /// Character position in the text under `pos`, -1 when not over text.
    int textPositionAt(const QPoint &pos) const;
};

struct LayoutInput
{
    MessageItem item;
    int width = 0;
    QFont font;
    bool showAuthors = false;
    /// The quoted message's author and first line, for item.replyTo.
    QPair<QString, QString> reply;
    /// The header size of a picture file (invalid when it cannot be shown).
    std::function<QSize(const QString &path)> pictureSize;
    QDate today;
};

namespace MessageMetrics {
constexpr int SideMargin = 12;
constexpr int OtherSideGap = 56;
constexpr int MaxBubbleWidth = 560;
constexpr int PadH = 11;
constexpr int PadV = 7;
constexpr int Radius = 14;
constexpr int RunGap = 2;
constexpr int NewRunGap = 8;
constexpr int ThumbWidth = 320;
constexpr int ThumbHeight = 240;
constexpr int ThumbRadius = 9;
constexpr int CardWidth = 280;
constexpr int CardHeight = 52;
constexpr int PlaceholderWidth = 240;
constexpr int PlaceholderHeight = 150;
constexpr int MarkSize = 14;
} // namespace MessageMetrics

QFont smallFont(const QFont &font);
MessageLayout layoutMessage(const LayoutInput &input);

} // namespace Natter
