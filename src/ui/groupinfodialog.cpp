// SPDX-License-Identifier: GPL-3.0-or-later
#include "groupinfodialog.h"

#include "contactdelegate.h"
#include "errortext.h"
#include "models/avatar.h"
#include "models/memberlistmodel.h"
#include "palettecolours.h"
#include "safeimage.h"
#include "ui_groupinfodialog.h"

#include <QCompleter>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QStringListModel>
#include <QStyledItemDelegate>

namespace Natter {

namespace {

constexpr int AvatarSize = 88;
constexpr int RowHeight = 52;
constexpr int RowAvatar = 38;

/// One member: avatar, name, and "owner" / "you" / @login beneath, like Telegram's list.
class MemberDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return { option.rect.width(), RowHeight };
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette &pal = option.palette;
        if (selected || (option.state & QStyle::State_MouseOver)) {
            QColor fill = pal.color(QPalette::Highlight);
            if (!selected)
                fill.setAlphaF(0.12f);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(QRectF(option.rect).adjusted(0, 1, 0, -1), 8, 8);
        }
        const QRect r = option.rect;
        const QRectF avatar(
            r.left() + 8, r.top() + (r.height() - RowAvatar) / 2.0, RowAvatar, RowAvatar);
        const QByteArray photoBytes = index.data(MemberListModel::AvatarRole).toByteArray();
        const QImage photo = photoBytes.isEmpty()
            ? QImage()
            : SafeImage::fromData(photoBytes, QSize(RowAvatar, RowAvatar) * 2);
        ContactDelegate::paintAvatar(painter, avatar,
            index.data(MemberListModel::InitialsRole).toString(),
            index.data(MemberListModel::AvatarHueRole).toInt(), photo);

        const int textLeft = int(avatar.right()) + 12;
        const bool owner = index.data(MemberListModel::IsOwnerRole).toBool();
        QString badge;
        if (owner)
            badge = GroupInfoDialog::tr("owner");
        QFont nameFont = option.font;
        nameFont.setWeight(QFont::DemiBold);
        QFont smallFont = option.font;
        smallFont.setPointSizeF(smallFont.pointSizeF() * 0.9);
        const int badgeWidth
            = badge.isEmpty() ? 0 : QFontMetrics(smallFont).horizontalAdvance(badge) + 12;
        const QRect nameRect(textLeft, r.top() + 8, r.right() - textLeft - badgeWidth - 8,
            QFontMetrics(nameFont).height());
        const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
        painter->setFont(nameFont);
        painter->setPen(text);
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(nameFont).elidedText(index.data(MemberListModel::NameRole).toString(),
                Qt::ElideRight, nameRect.width()));

        QString detail;
        if (index.data(MemberListModel::IsSelfRole).toBool())
            detail = GroupInfoDialog::tr("you");
        else if (const QString login = index.data(MemberListModel::LoginRole).toString();
                 !login.isEmpty())
            detail = QLatin1Char('@') + login;
        const QRect detailRect(textLeft, nameRect.bottom() + 2, r.right() - textLeft - 8,
            QFontMetrics(smallFont).height());
        painter->setFont(smallFont);
        painter->setPen(PaletteColours::mutedText(pal, selected));
        painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter, detail);
        if (!badge.isEmpty()) {
            painter->setPen(selected ? text : pal.color(QPalette::Link));
            painter->drawText(QRect(r.right() - badgeWidth - 4, r.top(), badgeWidth, r.height()),
                Qt::AlignRight | Qt::AlignVCenter, badge);
        }
        painter->restore();
    }
};

} // namespace

GroupInfoDialog::GroupInfoDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::GroupInfoDialog>())
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleEdit->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_ui->titleEdit->setFont(titleFont);
    m_ui->titleEdit->setFrame(false);
    QFont sectionFont = m_ui->membersLabel->font();
    sectionFont.setBold(true);
    m_ui->membersLabel->setFont(sectionFont);
    m_ui->separator->setForegroundRole(QPalette::Midlight);
    // The list takes the height; the header keeps its own.
    m_ui->rootLayout->setStretchFactor(m_ui->memberList, 1);
    m_ui->rootLayout->setStretchFactor(m_ui->emptyLabel, 1);
    m_ui->memberList->setItemDelegate(new MemberDelegate(m_ui->memberList));
    m_ui->memberList->setMouseTracking(true);
    m_ui->memberList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ui->memberList->installEventFilter(this);
    m_ui->photoButton->setCursor(Qt::PointingHandCursor);
    m_ui->addPanel->hide();
    m_ui->busyLabel->hide();
    m_ui->errorLabel->hide();
    m_ui->emptyLabel->hide();

    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_ui->addEdit->setCompleter(completer);

    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->photoButton, &QToolButton::clicked, this, &GroupInfoDialog::choosePhoto);
    connect(m_ui->changePhotoButton, &QPushButton::clicked, this, &GroupInfoDialog::choosePhoto);
    connect(m_ui->titleEdit, &QLineEdit::textEdited, this, &GroupInfoDialog::updateState);
    connect(m_ui->titleEdit, &QLineEdit::returnPressed, this, &GroupInfoDialog::submitTitle);
    connect(m_ui->saveTitleButton, &QPushButton::clicked, this, &GroupInfoDialog::submitTitle);
    connect(m_ui->privateCheck, &QCheckBox::clicked, this, [this](bool on) {
        clearError();
        Q_EMIT privacyChangeRequested(on);
    });
    connect(m_ui->addMembersButton, &QPushButton::toggled, this, [this](bool on) {
        m_ui->addPanel->setVisible(on);
        if (on)
            m_ui->addEdit->setFocus();
    });
    connect(m_ui->addEdit, &QLineEdit::textChanged, this, &GroupInfoDialog::updateState);
    connect(m_ui->addEdit, &QLineEdit::returnPressed, this, &GroupInfoDialog::submitMembers);
    connect(m_ui->addButton, &QPushButton::clicked, this, &GroupInfoDialog::submitMembers);
    connect(m_ui->memberList, &QListView::customContextMenuRequested, this, [this](QPoint pos) {
        const QModelIndex index = m_ui->memberList->indexAt(pos);
        if (!index.isValid())
            return;
        QMenu *menu = createMemberMenu(index);
        if (menu->isEmpty())
            delete menu;
        else
            menu->popup(m_ui->memberList->viewport()->mapToGlobal(pos));
    });

    m_confirm = [this](const QString &name) {
        return QMessageBox::question(this, tr("Remove Member"),
                   tr("Remove %1 from the group?").arg(name),
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    m_pickPhoto = [this] {
        return QFileDialog::getOpenFileName(this, tr("Choose a Group Photo"), {},
            tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp)"));
    };
    applyColours();
    retranslate();
}

GroupInfoDialog::~GroupInfoDialog()
{
    // The model outlives the dialog: nothing of it may reach a half-destroyed dialog.
    setMembersModel(nullptr);
}

void GroupInfoDialog::setFlow(const Flow &flow)
{
    const bool sameFlow = flow.id == m_flow.id;
    const bool edited = sameFlow && m_ui->titleEdit->text() != m_flow.title;
    m_flow = flow;
    if (!edited)
        m_ui->titleEdit->setText(flow.title);
    m_ui->privateCheck->setChecked(flow.isPrivate.value_or(false));
    setWindowTitle(flow.title.isEmpty() ? tr("Group Info") : tr("%1 — Group Info").arg(flow.title));
    updateAvatar();
    updateCount();
    updateState();
}

void GroupInfoDialog::setMembersModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_model = model;
    m_ui->memberList->setModel(model);
    if (model) {
        for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
            m_modelConnections << connect(model, signal, this, &GroupInfoDialog::updateCount);
        m_modelConnections << connect(
            model, &QAbstractItemModel::modelReset, this, &GroupInfoDialog::updateCount);
    }
    updateCount();
}

void GroupInfoDialog::setEditable(bool editable)
{
    m_editable = editable;
    updateState();
}

void GroupInfoDialog::setMembersListed(bool listed)
{
    m_listed = listed;
    updateCount();
}

void GroupInfoDialog::setCompletions(const QStringList &completions)
{
    if (auto *list = qobject_cast<QStringListModel *>(m_ui->addEdit->completer()->model()))
        list->setStringList(completions);
}

void GroupInfoDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->busyLabel->setVisible(busy);
    if (busy)
        clearError();
    updateState();
}

void GroupInfoDialog::showError(const Error &error)
{
    m_error = error;
    m_localError.clear();
    m_ui->errorLabel->setText(ErrorText::full(error));
    m_ui->errorLabel->setVisible(!error.isNone());
}

void GroupInfoDialog::clearError()
{
    showError({});
}

void GroupInfoDialog::setKickConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

void GroupInfoDialog::setPhotoPicker(std::function<QString()> pick)
{
    m_pickPhoto = std::move(pick);
}

QMenu *GroupInfoDialog::createMemberMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const bool self = index.data(MemberListModel::IsSelfRole).toBool();
    if (m_editable && !self) {
        QAction *remove = menu->addAction(tr("&Remove from group"));
        remove->setObjectName(QStringLiteral("kickAction"));
        remove->setEnabled(!m_busy);
        const QPersistentModelIndex target(index);
        connect(remove, &QAction::triggered, this, [this, target] { kick(target); });
    }
    return menu;
}

void GroupInfoDialog::kick(const QModelIndex &index)
{
    if (!index.isValid() || !m_editable || m_busy
        || index.data(MemberListModel::IsSelfRole).toBool())
        return;
    if (m_confirm && !m_confirm(index.data(MemberListModel::NameRole).toString()))
        return;
    clearError();
    Q_EMIT kickRequested(index.data(MemberListModel::UserIdRole).toString());
}

void GroupInfoDialog::choosePhoto()
{
    if (!m_editable || m_busy || !m_pickPhoto)
        return;
    const QString path = m_pickPhoto();
    if (path.isEmpty())
        return;
    SafeImage::Error error = SafeImage::Error::None;
    QFile file(path);
    const bool picture = SafeImage::size(path, &error).isValid() && file.open(QIODevice::ReadOnly);
    if (!picture) {
        showError({});
        m_localError = tr("“%1” is not a picture Natter can use.").arg(QFileInfo(path).fileName());
        m_ui->errorLabel->setText(m_localError);
        m_ui->errorLabel->show();
        return;
    }
    clearError();
    QString extension = QFileInfo(path).suffix().toLower();
    if (extension == QLatin1String("jpeg"))
        extension = QStringLiteral("jpg");
    Q_EMIT photoChangeRequested(file.readAll(), extension);
}

void GroupInfoDialog::submitTitle()
{
    const QString title = m_ui->titleEdit->text().trimmed();
    if (!m_editable || m_busy || title.isEmpty() || title == m_flow.title)
        return;
    clearError();
    Q_EMIT renameRequested(title);
}

void GroupInfoDialog::submitMembers()
{
    if (!m_editable || m_busy)
        return;
    QStringList users;
    for (const QString &part : m_ui->addEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QString user = part.trimmed();
        if (user.startsWith(QLatin1Char('@')))
            user.remove(0, 1);
        if (!user.isEmpty())
            users << user;
    }
    if (users.isEmpty())
        return;
    clearError();
    m_ui->addEdit->clear();
    Q_EMIT addMembersRequested(users);
}

void GroupInfoDialog::updateState()
{
    const bool idle = !m_busy;
    m_ui->titleEdit->setReadOnly(!m_editable);
    m_ui->titleEdit->setEnabled(idle || !m_editable);
    const QString title = m_ui->titleEdit->text().trimmed();
    m_ui->saveTitleButton->setVisible(m_editable && title != m_flow.title);
    m_ui->saveTitleButton->setEnabled(idle && !title.isEmpty());
    m_ui->changePhotoButton->setVisible(m_editable);
    m_ui->changePhotoButton->setEnabled(idle);
    m_ui->photoButton->setEnabled(m_editable && idle);
    m_ui->privateCheck->setEnabled(m_editable && idle);
    m_ui->privateCheck->setVisible(m_editable || m_flow.isPrivate.has_value());
    m_ui->privateHint->setVisible(m_ui->privateCheck->isVisibleTo(this));
    m_ui->addMembersButton->setVisible(m_editable);
    m_ui->addMembersButton->setEnabled(idle);
    if (!m_editable)
        m_ui->addMembersButton->setChecked(false);
    m_ui->addEdit->setEnabled(idle);
    m_ui->addButton->setEnabled(idle && !m_ui->addEdit->text().trimmed().isEmpty());
}

void GroupInfoDialog::updateAvatar()
{
    const qreal dpr = devicePixelRatioF();
    const QImage photo = m_flow.photo.isEmpty()
        ? QImage()
        : SafeImage::fromData(m_flow.photo, QSize(AvatarSize, AvatarSize) * dpr);
    m_ui->photoButton->setIcon(QIcon(ContactDelegate::avatarPixmap(AvatarSize,
        initials(m_flow.title, QStringLiteral("#")), avatarHue(m_flow.id), photo, dpr)));
}

void GroupInfoDialog::updateCount()
{
    const int count = m_model ? m_model->rowCount() : 0;
    m_ui->countLabel->setText(count == 1 ? tr("1 member") : tr("%n members", nullptr, count));
    m_ui->countLabel->setVisible(count > 0);
    m_ui->memberList->setVisible(count > 0);
    m_ui->emptyLabel->setVisible(count == 0);
    m_ui->emptyLabel->setText(
        m_listed ? tr("Loading members…") : tr("This server does not list the members of groups."));
}

void GroupInfoDialog::retranslate()
{
    m_ui->photoButton->setToolTip(tr("Change the group photo"));
    m_ui->titleEdit->setPlaceholderText(tr("Group name"));
    m_ui->memberList->setToolTip(tr("Right-click or press Delete to remove a member"));
    if (!m_flow.id.isEmpty())
        setWindowTitle(
            m_flow.title.isEmpty() ? tr("Group Info") : tr("%1 — Group Info").arg(m_flow.title));
    if (!m_error.isNone())
        m_ui->errorLabel->setText(ErrorText::full(m_error));
    updateCount();
    updateState();
}

void GroupInfoDialog::applyColours()
{
    QPalette secondary = palette();
    secondary.setColor(QPalette::WindowText, PaletteColours::mutedText(palette()));
    for (QLabel *label : { m_ui->countLabel, m_ui->privateHint, m_ui->busyLabel, m_ui->emptyLabel })
        label->setPalette(secondary);
    QPalette error = palette();
    error.setColor(QPalette::WindowText, PaletteColours::errorColour(palette()));
    m_ui->errorLabel->setPalette(error);
    // The title reads as a heading, not a field, until it is focused.
    QPalette title = m_ui->titleEdit->palette();
    title.setColor(QPalette::Base, palette().color(QPalette::Window));
    m_ui->titleEdit->setPalette(title);
}

void GroupInfoDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        applyColours();
        updateAvatar();
    }
    QDialog::changeEvent(event);
}

bool GroupInfoDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->memberList && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            kick(m_ui->memberList->currentIndex());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Natter
