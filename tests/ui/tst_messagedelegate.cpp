// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagefixture.h"
#include "ui/messagedelegate.h"

#include <QApplication>
#include <QStyleOptionViewItem>

using namespace Natter;
using namespace Natter::Test;

class TestMessageDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longTextWraps()
    {
        ModelCache c;
        QVERIFY(c.open());
        const QString word = QStringLiteral("lorem ");
        QVERIFY(
            c.cache.messages()
                .insertOrUpdateMessages({
                    serverMessage(s_group, QStringLiteral("short"), at(1, 9, 0), word),
                    serverMessage(s_group, QStringLiteral("long"), at(1, 9, 1), word.repeated(80)),
                })
                .isNone());
        MessageListModel model;
        model.setCache(&c.cache);
        model.setFlow(s_group);
        MessageDelegate delegate;
        delegate.setFont(QApplication::font());
        delegate.setItemWidth(420);
        const QStyleOptionViewItem option;
        const QSize shortSize = delegate.sizeHint(option, model.index(0));
        const QSize longSize = delegate.sizeHint(option, model.index(1));
        QCOMPARE(longSize.width(), 420);
        QVERIFY2(longSize.height()
                > shortSize.height() + 3 * QFontMetrics(QApplication::font()).height(),
            qPrintable(QStringLiteral("%1 vs %2").arg(longSize.height()).arg(shortSize.height())));
        const auto layout = delegate.layoutFor(model.index(1));
        QVERIFY(layout->textLayout->lineCount() > 3);
        QVERIFY(layout->bubble.right() < 420);

        // Narrower is taller; the cache follows the width.
        delegate.setItemWidth(260);
        QVERIFY(delegate.sizeHint(option, model.index(1)).height() > longSize.height());
        QCOMPARE(delegate.sizeHint(option, model.index(1)).width(), 260);
    }

    void textIsPlainAndLinksAreFound()
    {
        SeededChat chat;
        QVERIFY(chat.open());
        MessageDelegate delegate;
        delegate.setFont(QApplication::font());
        delegate.setItemWidth(600);
        const auto html = delegate.layoutFor(chat.row(QStringLiteral("m3")));
        QVERIFY(html->textLayout);
        QCOMPARE(html->textLayout->text(), QStringLiteral("<b>x</b> is how you make bold in HTML"));
        QVERIFY(html->links.isEmpty());

        const QModelIndex linkRow = chat.row(QStringLiteral("a1"));
        const auto layout = delegate.layoutFor(linkRow);
        QCOMPARE(layout->links.size(), 1);
        const LinkRange link = layout->links.first();
        QCOMPARE(link.url, QUrl(QStringLiteral("https://example.org/natter/notes")));
        // A point on the link's third character.
        const int pos = link.start + 2;
        const QTextLine line = layout->textLayout->lineForTextPosition(pos);
        QVERIFY(line.isValid());
        const QPoint onLink = layout->text.topLeft()
            + QPointF(line.cursorToX(pos) + 2, line.y() + line.height() / 2).toPoint();
        const auto hit = delegate.hitTest(linkRow, onLink);
        QCOMPARE(hit.kind, MessageDelegate::HitKind::Link);
        QCOMPARE(hit.url, link.url);
        const QPoint onText
            = layout->text.topLeft() + QPoint(3, int(layout->textLayout->lineAt(0).height() / 2));
        QCOMPARE(delegate.hitTest(linkRow, onText).kind, MessageDelegate::HitKind::Text);
        QCOMPARE(delegate.hitTest(linkRow, QPoint(599, layout->bubble.center().y())).kind,
            MessageDelegate::HitKind::None);
    }

    void hitTestFindsRetryPictureAndQuote()
    {
        SeededChat chat;
        QVERIFY(chat.open());
        MessageDelegate delegate;
        delegate.setFont(QApplication::font());
        delegate.setItemWidth(600);
        delegate.setReplyLookup([](const QString &id) {
            return id == QLatin1String("b1")
                ? qMakePair(QStringLiteral("Bob Marley"), QStringLiteral("Sunrise from the office"))
                : QPair<QString, QString>();
        });

        const QModelIndex failed = chat.row(localEchoKey(chat.failedClientId));
        const auto failedLayout = delegate.layoutFor(failed);
        QVERIFY(!failedLayout->retry.isEmpty());
        QVERIFY(failedLayout->retry.top() >= failedLayout->bubble.bottom());
        QCOMPARE(delegate.hitTest(failed, failedLayout->retry.center()).kind,
            MessageDelegate::HitKind::Retry);
        QCOMPARE(delegate.hitTest(failed, failedLayout->mark.center()).kind,
            MessageDelegate::HitKind::Retry);
        // Own messages sit on the right.
        QVERIFY(failedLayout->bubble.left() > 600 / 3);

        const QModelIndex picture = chat.row(QStringLiteral("b1"));
        const auto pictureLayout = delegate.layoutFor(picture);
        QCOMPARE(pictureLayout->attachments.size(), 1);
        const AttachmentBox box = pictureLayout->attachments.first();
        QVERIFY(box.picture);
        QCOMPARE(box.rect.size(), QSize(320, 200)); // 800×500 kept in 320×240
        QVERIFY(box.rect.left() < 300); // others on the left
        auto hit = delegate.hitTest(picture, box.rect.center());
        QCOMPARE(hit.kind, MessageDelegate::HitKind::Attachment);
        QCOMPARE(hit.attachmentIndex, 0);
        QVERIFY(hit.picture);

        // A transfer puts a progress ring that cancels in the middle of the attachment.
        delegate.setTransferProgress(QStringLiteral("b1"), 10, 100);
        hit = delegate.hitTest(picture, box.rect.center());
        QCOMPARE(hit.kind, MessageDelegate::HitKind::CancelTransfer);
        hit = delegate.hitTest(picture, box.rect.topLeft() + QPoint(16, 16));
        QCOMPARE(hit.kind, MessageDelegate::HitKind::Attachment);
        delegate.setTransferProgress(QStringLiteral("b1"), 100, 100);
        QVERIFY(!delegate.hasTransfer(QStringLiteral("b1")));

        const QModelIndex document = chat.row(QStringLiteral("a3"));
        const auto card = delegate.layoutFor(document)->attachments.first();
        QVERIFY(!card.picture);
        QCOMPARE(card.name, QStringLiteral("quarterly-report.pdf"));
        QVERIFY(!delegate.hitTest(document, card.rect.center()).picture);

        const QModelIndex reply = chat.row(QStringLiteral("m2"));
        const auto replyLayout = delegate.layoutFor(reply);
        QCOMPARE(replyLayout->replyAuthor, QStringLiteral("Bob Marley"));
        QCOMPARE(delegate.hitTest(reply, replyLayout->reply.center()).kind,
            MessageDelegate::HitKind::ReplyQuote);
    }

    void groupsShowAuthorsAndSeparators()
    {
        SeededChat chat;
        QVERIFY(chat.open());
        MessageDelegate delegate;
        delegate.setFont(QApplication::font());
        delegate.setItemWidth(600);
        const QModelIndex first = chat.row(QStringLiteral("a1"));
        QVERIFY(delegate.layoutFor(first)->author.isEmpty());
        QCOMPARE(delegate.layoutFor(first)->separatorText, QStringLiteral("Yesterday"));
        delegate.setShowAuthors(true);
        const auto layout = delegate.layoutFor(first);
        QCOMPARE(layout->authorText, QStringLiteral("Alice Cooper"));
        QVERIFY(layout->author.bottom() <= layout->bubble.top());
        QVERIFY(layout->separator.bottom() < layout->author.top());
        // The second message of the run has no author line; our own never do.
        QVERIFY(delegate.layoutFor(chat.row(QStringLiteral("a2")))->author.isEmpty());
        QVERIFY(delegate.layoutFor(chat.row(QStringLiteral("m1")))->author.isEmpty());
        QCOMPARE(delegate.layoutFor(chat.row(QStringLiteral("b1")))->separatorText,
            QStringLiteral("Today"));
        QVERIFY(delegate.layoutFor(chat.row(QStringLiteral("m1")))
                    ->metaText.contains(QStringLiteral("edited")));

        // Cached until invalidated.
        const auto before = delegate.layoutFor(first);
        QCOMPARE(delegate.layoutFor(first).get(), before.get());
        delegate.invalidate(QStringLiteral("a1"));
        QVERIFY(delegate.layoutFor(first).get() != before.get());
    }
};

QTEST_MAIN(TestMessageDelegate)
#include "tst_messagedelegate.moc"
