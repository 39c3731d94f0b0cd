// SPDX-License-Identifier: GPL-3.0-or-later
#include "registerpage.h"

#include "authstyle.h"
#include "errortext.h"
#include "inputvalidation.h"
#include "ui_registerpage.h"

#include <QKeyEvent>
#include <QPainter>

namespace Natter {

RegisterPage::RegisterPage(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::RegisterPage>())
{
    m_ui->setupUi(this);
    m_ui->stack->setCurrentWidget(m_ui->detailsPage);
    for (QLabel *title : { m_ui->titleLabel, m_ui->codeTitleLabel }) {
        QFont font = this->font();
        font.setPointSizeF(font.pointSizeF() * 1.5);
        font.setWeight(QFont::DemiBold);
        title->setFont(font);
    }
    for (QLineEdit *field : { m_ui->loginEdit, m_ui->nameEdit, m_ui->emailEdit, m_ui->passwordEdit,
             m_ui->confirmEdit, m_ui->codeEdit })
        AuthStyle::makeRoomy(field);

    const std::pair<QLineEdit *, Field> fields[] = {
        { m_ui->loginEdit, Login },
        { m_ui->emailEdit, Email },
        { m_ui->passwordEdit, Password },
        { m_ui->confirmEdit, Confirmation },
    };
    for (const auto &[edit, field] : fields) {
        connect(edit, &QLineEdit::textEdited, this, [this, field = field] {
            m_touched[field] = true;
            // Typing answers a refusal: the server's word on this field no longer applies.
            m_serverMessages[field].clear();
            if (field == Login || field == Email) {
                m_serverMessages[Login].clear();
                m_serverMessages[Email].clear();
            }
            m_generalError = {};
            validate();
        });
        connect(edit, &QLineEdit::returnPressed, this, &RegisterPage::requestRegistration);
    }
    connect(m_ui->nameEdit, &QLineEdit::returnPressed, this, &RegisterPage::requestRegistration);
    connect(m_ui->createButton, &QPushButton::clicked, this, &RegisterPage::requestRegistration);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &RegisterPage::cancelRequested);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &RegisterPage::signInWanted);

    connect(m_ui->codeEdit, &QLineEdit::textEdited, this, [this] {
        m_generalError = {};
        validate();
    });
    connect(m_ui->codeEdit, &QLineEdit::returnPressed, this, &RegisterPage::confirmCode);
    connect(m_ui->confirmButton, &QPushButton::clicked, this, &RegisterPage::confirmCode);
    connect(m_ui->resendButton, &QPushButton::clicked, this, &RegisterPage::requestNewCode);
    connect(m_ui->backButton, &QPushButton::clicked, this, &RegisterPage::backRequested);

    m_cooldownTimer.setInterval(1000);
    connect(&m_cooldownTimer, &QTimer::timeout, this, &RegisterPage::tickCooldown);

    applyPalette();
    applyTexts();
    validate();
}

RegisterPage::~RegisterPage() = default;

void RegisterPage::setProfile(const ServerProfile &profile)
{
    m_profile = profile;
    applyTexts();
}

void RegisterPage::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w :
        { static_cast<QWidget *>(m_ui->loginEdit), static_cast<QWidget *>(m_ui->nameEdit),
            static_cast<QWidget *>(m_ui->emailEdit), static_cast<QWidget *>(m_ui->passwordEdit),
            static_cast<QWidget *>(m_ui->confirmEdit), static_cast<QWidget *>(m_ui->rememberCheck),
            static_cast<QWidget *>(m_ui->signInButton), static_cast<QWidget *>(m_ui->codeEdit),
            static_cast<QWidget *>(m_ui->backButton) })
        w->setEnabled(!busy);
    m_ui->busyWidget->setVisible(busy);
    m_ui->codeBusyWidget->setVisible(busy);
    m_ui->createButton->setVisible(!busy);
    m_ui->cancelButton->setVisible(busy);
    m_ui->confirmButton->setVisible(!busy);
    if (busy) {
        m_generalError = {};
        clearServerMessages();
    }
    validate();
}

void RegisterPage::showError(const Error &error)
{
    if (m_busy)
        setBusy(false);
    clearServerMessages();
    m_generalError = {};
    if (error.code == Error::Code::AlreadyExists && !isEmailCodeStep()) {
        // The servers do not say which of the two is taken unless the detail names the email.
        const bool aboutEmail = error.message.contains(QLatin1String("mail"), Qt::CaseInsensitive);
        setServerMessage(aboutEmail ? Email : Login, ErrorText::summary(error));
    } else {
        m_generalError = error;
    }
    validate();
}

void RegisterPage::showEmailCodeStep(const QString &email)
{
    if (m_busy)
        setBusy(false);
    m_email = email;
    m_generalError = {};
    m_ui->codeEdit->clear();
    m_ui->stack->setCurrentWidget(m_ui->codePage);
    applyTexts();
    startCooldown();
    validate();
    m_ui->codeEdit->setFocus();
}

void RegisterPage::showDetailsStep()
{
    if (m_busy)
        setBusy(false);
    m_generalError = {};
    m_cooldownTimer.stop();
    m_resendLeft = 0;
    m_ui->stack->setCurrentWidget(m_ui->detailsPage);
    validate();
    m_ui->loginEdit->setFocus();
}

bool RegisterPage::isEmailCodeStep() const
{
    return m_ui->stack->currentWidget() == m_ui->codePage;
}

void RegisterPage::validate()
{
    const QString problems[FieldCount] = {
        InputValidation::loginProblem(m_ui->loginEdit->text().trimmed()),
        InputValidation::emailProblem(m_ui->emailEdit->text().trimmed()),
        InputValidation::passwordProblem(m_ui->passwordEdit->text()),
        InputValidation::confirmationProblem(m_ui->passwordEdit->text(), m_ui->confirmEdit->text()),
    };
    bool valid = true;
    for (int f = 0; f < FieldCount; ++f) {
        valid = valid && problems[f].isEmpty();
        // A refusal from the server wins over the local check, which it passed.
        const QString shown = !m_serverMessages[f].isEmpty() ? m_serverMessages[f]
            : m_touched[f]                                   ? problems[f]
                                                             : QString();
        QLabel *label = messageLabel(static_cast<Field>(f));
        label->setText(shown);
        label->setVisible(!shown.isEmpty());
    }
    valid = valid && m_serverMessages[Login].isEmpty() && m_serverMessages[Email].isEmpty();
    m_ui->createButton->setEnabled(valid && !m_busy);
    m_ui->confirmButton->setEnabled(!m_ui->codeEdit->text().trimmed().isEmpty() && !m_busy);
    m_ui->resendButton->setEnabled(m_resendLeft == 0 && !m_busy);

    const QString general = ErrorText::full(m_generalError);
    QLabel *errorLabel = isEmailCodeStep() ? m_ui->codeErrorLabel : m_ui->errorLabel;
    m_ui->errorLabel->hide();
    m_ui->codeErrorLabel->hide();
    errorLabel->setText(general);
    errorLabel->setVisible(!general.isEmpty());
}

void RegisterPage::requestRegistration()
{
    if (m_busy || isEmailCodeStep())
        return;
    if (!m_ui->createButton->isEnabled()) {
        // Enter on an incomplete form: show every problem, not only those of touched fields.
        std::fill(std::begin(m_touched), std::end(m_touched), true);
        validate();
        return;
    }
    Credentials credentials;
    credentials.login = m_ui->loginEdit->text().trimmed();
    credentials.email = m_ui->emailEdit->text().trimmed();
    credentials.password = m_ui->passwordEdit->text();
    const QString name = m_ui->nameEdit->text().trimmed();
    credentials.name = name.isEmpty() ? credentials.login : name;
    Q_EMIT registrationRequested(m_profile, credentials, m_ui->rememberCheck->isChecked());
}

void RegisterPage::confirmCode()
{
    if (m_busy || !m_ui->confirmButton->isEnabled())
        return;
    Q_EMIT emailCodeEntered(m_ui->codeEdit->text().trimmed());
}

void RegisterPage::requestNewCode()
{
    if (m_busy || m_resendLeft > 0)
        return;
    m_generalError = {};
    startCooldown();
    validate();
    Q_EMIT newEmailCodeRequested();
}

void RegisterPage::startCooldown()
{
    m_resendLeft = m_resendCooldown;
    if (m_resendLeft > 0)
        m_cooldownTimer.start();
    applyTexts();
}

void RegisterPage::tickCooldown()
{
    m_resendLeft = qMax(0, m_resendLeft - 1);
    if (m_resendLeft == 0)
        m_cooldownTimer.stop();
    applyTexts();
    validate();
}

void RegisterPage::setServerMessage(Field field, const QString &text)
{
    m_serverMessages[field] = text;
    QLineEdit *edit = field == Email ? m_ui->emailEdit : m_ui->loginEdit;
    edit->setFocus();
    edit->selectAll();
}

void RegisterPage::clearServerMessages()
{
    for (QString &message : m_serverMessages)
        message.clear();
}

QLabel *RegisterPage::messageLabel(Field field) const
{
    switch (field) {
    case Login:
        return m_ui->loginMessage;
    case Email:
        return m_ui->emailMessage;
    case Password:
        return m_ui->passwordMessage;
    case Confirmation:
    case FieldCount:
        break;
    }
    return m_ui->confirmMessage;
}

void RegisterPage::applyTexts()
{
    const QString server = m_profile.name.isEmpty() ? m_profile.url : m_profile.name;
    m_ui->serverCaption->setText(server.isEmpty() ? QString() : tr("on %1").arg(server));
    m_ui->serverCaption->setToolTip(m_profile.url);
    m_ui->codeInfoLabel->setText(tr("We sent a code to %1. Enter it below.").arg(m_email));
    m_ui->resendButton->setText(m_resendLeft > 0
            ? tr("Send a new code in %n s", nullptr, m_resendLeft)
            : tr("Send a &new code"));
}

void RegisterPage::applyPalette()
{
    for (QLabel *label : { m_ui->loginMessage, m_ui->emailMessage, m_ui->passwordMessage,
             m_ui->confirmMessage, m_ui->errorLabel, m_ui->codeErrorLabel })
        AuthStyle::styleAsError(label, palette());
    for (QLabel *label :
        { m_ui->serverCaption, m_ui->codeInfoLabel, m_ui->busyLabel, m_ui->codeBusyLabel })
        AuthStyle::styleAsCaption(label, palette());
    AuthStyle::styleAsCaption(m_ui->haveAccountLabel, palette(), false);
    for (QPushButton *button : { m_ui->createButton, m_ui->confirmButton })
        AuthStyle::styleAsPrimary(button, palette());
    m_ui->cancelButton->setMinimumHeight(m_ui->createButton->minimumHeight());
    m_ui->codeInfoLabel->setFont(font());
    for (QPushButton *button : { m_ui->signInButton, m_ui->resendButton, m_ui->backButton })
        AuthStyle::styleAsLink(button, palette());
}

void RegisterPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        applyTexts();
        validate();
    } else if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
    QWidget::changeEvent(event);
}

void RegisterPage::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    AuthStyle::paintCard(painter, m_ui->card->geometry(), palette());
}

void RegisterPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        if (m_busy)
            Q_EMIT cancelRequested();
        else if (isEmailCodeStep())
            Q_EMIT backRequested();
        else
            Q_EMIT signInWanted();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace Natter
