<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Server certificate</source>
        <translation>Сертификат сервера</translation>
    </message>
    <message>
        <source>Natter cannot confirm that this server is who it claims to be.</source>
        <translation>Natter не может подтвердить, что этот сервер — тот, за кого себя выдаёт.</translation>
    </message>
    <message>
        <source>Why the certificate is not trusted</source>
        <translation>Почему сертификат не вызывает доверия</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Сертификат</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Issued for:</source>
        <translation>Выдан для:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Субъект:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Издатель:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Действителен с:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Действителен до:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Отпечаток SHA-256:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Отпечаток SHA-256</translation>
    </message>
    <message>
        <source>The server sent no certificate Natter could read, so there is nothing to trust here. Check the server address, or ask the server&apos;s administrator.</source>
        <translation>Сервер не прислал сертификата, который Natter смог бы прочитать, поэтому доверять здесь нечему. Проверьте адрес сервера или обратитесь к его администратору.</translation>
    </message>
    <message>
        <source>Trust this certificate only if you know that the server really uses it, for example because you run the server yourself. Otherwise someone may be listening in on your connection.</source>
        <translation>Доверяйте этому сертификату, только если точно знаете, что сервер действительно его использует, — например, если это ваш собственный сервер. Иначе кто-то может прослушивать ваше соединение.</translation>
    </message>
</context>
<context>
    <name>ChatListPane</name>
    <message>
        <source>Search chats</source>
        <translation>Поиск чатов</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <source>New chat or group</source>
        <translation>Новый чат или группа</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Cancel reply or edit</source>
        <translation>Отменить ответ или изменение</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Текст сообщения</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Напишите сообщение…</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Отправить (Enter)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>Состояние подключения</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Проблема с подключением</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Повторить сейчас</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Войти снова</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Close contacts</source>
        <translation>Закрыть контакты</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Друзья</translation>
    </message>
    <message>
        <source>Add friend by id or login</source>
        <translation>Добавить друга по ID или логину</translation>
    </message>
    <message>
        <source>Friend&apos;s id or login</source>
        <translation>ID или логин друга</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add friend</source>
        <translation>Добавить друга</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Заметка (необязательно)</translation>
    </message>
    <message>
        <source>Note for the new friend</source>
        <translation>Заметка о новом друге</translation>
    </message>
    <message>
        <source>No friends yet. Add someone by their id or login.</source>
        <translation>Друзей пока нет. Добавьте кого-нибудь по ID или логину.</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>Изменить заметку…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove friend</source>
        <translation>Удалить из друзей</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <source>Incoming friend requests</source>
        <translation>Входящие заявки в друзья</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Accept request</source>
        <translation>Принять заявку</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Decline request</source>
        <translation>Отклонить заявку</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправленные</translation>
    </message>
    <message>
        <source>Sent friend requests</source>
        <translation>Отправленные заявки в друзья</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Отменить заявку</translation>
    </message>
    <message>
        <source>No pending requests.</source>
        <translation>Нет заявок.</translation>
    </message>
    <message>
        <source>Blacklist</source>
        <translation>Чёрный список</translation>
    </message>
    <message>
        <source>Block user by id or login</source>
        <translation>Заблокировать пользователя по ID или логину</translation>
    </message>
    <message>
        <source>Id or login to block</source>
        <translation>ID или логин для блокировки</translation>
    </message>
    <message>
        <source>Block user</source>
        <translation>Заблокировать пользователя</translation>
    </message>
    <message>
        <source>Blocked users</source>
        <translation>Заблокированные пользователи</translation>
    </message>
    <message>
        <source>No blocked users.</source>
        <translation>Заблокированных пользователей нет.</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Сервер недоступен.</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>Соединение с сервером потеряно.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Сервер не ответил вовремя.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate cannot be trusted.</source>
        <translation>Сертификату сервера нельзя доверять.</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>Неверный логин или пароль.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Вы не вошли в аккаунт.</translation>
    </message>
    <message>
        <source>Your session has expired.</source>
        <translation>Сеанс истёк.</translation>
    </message>
    <message>
        <source>This account is signed in on too many devices.</source>
        <translation>В этот аккаунт выполнен вход на слишком многих устройствах.</translation>
    </message>
    <message>
        <source>Your email address is not confirmed yet.</source>
        <translation>Адрес электронной почты ещё не подтверждён.</translation>
    </message>
    <message>
        <source>The server sent an answer Natter does not understand.</source>
        <translation>Сервер прислал ответ, который Natter не понимает.</translation>
    </message>
    <message>
        <source>The server sent more data than Natter accepts at once.</source>
        <translation>Сервер прислал больше данных, чем Natter может принять за раз.</translation>
    </message>
    <message>
        <source>This server does not speak a protocol Natter knows.</source>
        <translation>Этот сервер работает по протоколу, который Natter не знает.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Сервер отклонил запрос.</translation>
    </message>
    <message>
        <source>That name or email address is already taken.</source>
        <translation>Это имя или адрес электронной почты уже заняты.</translation>
    </message>
    <message>
        <source>No such user or chat.</source>
        <translation>Такого пользователя или чата нет.</translation>
    </message>
    <message>
        <source>You are not a member of this chat.</source>
        <translation>Вы не участник этого чата.</translation>
    </message>
    <message>
        <source>The server did not accept the data entered.</source>
        <translation>Сервер не принял введённые данные.</translation>
    </message>
    <message>
        <source>This server does not support it.</source>
        <translation>Этот сервер это не поддерживает.</translation>
    </message>
    <message>
        <source>The server had an internal error.</source>
        <translation>Внутренняя ошибка сервера.</translation>
    </message>
    <message>
        <source>Some of the data entered is not valid.</source>
        <translation>Часть введённых данных неверна.</translation>
    </message>
    <message>
        <source>A file could not be read or written.</source>
        <translation>Не удалось прочитать или записать файл.</translation>
    </message>
    <message>
        <source>No keychain is available to keep your session.</source>
        <translation>Нет хранилища паролей, в котором можно сохранить сеанс.</translation>
    </message>
    <message>
        <source>The local message cache could not be written.</source>
        <translation>Не удалось записать локальный кэш сообщений.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Что-то пошло не так.</translation>
    </message>
    <message>
        <source>Check the address and your network connection.</source>
        <translation>Проверьте адрес и подключение к сети.</translation>
    </message>
    <message>
        <source>Natter reconnects by itself.</source>
        <translation>Natter переподключится сам.</translation>
    </message>
    <message>
        <source>Check the certificate details before trusting it.</source>
        <translation>Прежде чем доверять сертификату, проверьте его данные.</translation>
    </message>
    <message>
        <source>Check the login and password and try again.</source>
        <translation>Проверьте логин и пароль и попробуйте снова.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Войдите снова.</translation>
    </message>
    <message>
        <source>Sign out on another device and try again.</source>
        <translation>Выйдите из аккаунта на другом устройстве и попробуйте снова.</translation>
    </message>
    <message>
        <source>Enter the code that was mailed to you.</source>
        <translation>Введите код из письма.</translation>
    </message>
    <message>
        <source>Check the address, or choose the protocol by hand.</source>
        <translation>Проверьте адрес или выберите протокол вручную.</translation>
    </message>
    <message>
        <source>Start a keychain service, or keep the session for this run only.</source>
        <translation>Запустите службу хранения паролей или сохраните сеанс только до закрытия программы.</translation>
    </message>
    <message>
        <source>Check the free disk space.</source>
        <translation>Проверьте, хватает ли места на диске.</translation>
    </message>
</context>
<context>
    <name>GroupInfoDialog</name>
    <message>
        <source>Group Info</source>
        <translation>Сведения о группе</translation>
    </message>
    <message>
        <source>Group photo</source>
        <translation>Фото группы</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Название группы</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Change &amp;photo…</source>
        <translation>Сменить &amp;фото…</translation>
    </message>
    <message>
        <source>P&amp;rivate group</source>
        <translation>&amp;Закрытая группа</translation>
    </message>
    <message>
        <source>Private groups do not appear when others search for groups.</source>
        <translation>Закрытые группы не видны другим при поиске групп.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>&amp;Add members…</source>
        <translation>&amp;Добавить участников…</translation>
    </message>
    <message>
        <source>Logins or ids, separated by commas</source>
        <translation>Логины или id через запятую</translation>
    </message>
    <message>
        <source>Members to add</source>
        <translation>Кого добавить</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Д&amp;обавить</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Уменьшить (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Увеличить (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>По размеру окна (Ctrl+0)</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>По размеру окна</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation>Исходный размер (Ctrl+1)</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Исходный размер</translation>
    </message>
    <message>
        <source>Save as… (Ctrl+S)</source>
        <translation>Сохранить как… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
</context>
<context>
    <name>InputValidation</name>
    <message>
        <source>Enter a login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message numerus="yes">
        <source>The login needs at least %n characters.</source>
        <translation>
            <numerusform>Логин должен содержать не менее %n символа.</numerusform>
            <numerusform>Логин должен содержать не менее %n символов.</numerusform>
            <numerusform>Логин должен содержать не менее %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The login can have at most %n characters.</source>
        <translation>
            <numerusform>Логин может содержать не более %n символа.</numerusform>
            <numerusform>Логин может содержать не более %n символов.</numerusform>
            <numerusform>Логин может содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use only letters, digits, dots, underscores and hyphens.</source>
        <translation>Используйте только буквы, цифры, точки, подчёркивания и дефисы.</translation>
    </message>
    <message>
        <source>Enter an email address.</source>
        <translation>Введите адрес электронной почты.</translation>
    </message>
    <message>
        <source>This does not look like an email address (name@example.org).</source>
        <translation>Это не похоже на адрес электронной почты (name@example.org).</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>Пароль должен содержать не менее %n символа.</numerusform>
            <numerusform>Пароль должен содержать не менее %n символов.</numerusform>
            <numerusform>Пароль должен содержать не менее %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>Введите адрес сервера.</translation>
    </message>
    <message>
        <source>The address must start with ws://, wss://, http:// or https://.</source>
        <translation>Адрес должен начинаться с ws://, wss://, http:// или https://.</translation>
    </message>
    <message>
        <source>The address needs a host name, e.g. wss://chat.example.org/ws.</source>
        <translation>В адресе должно быть имя хоста, например wss://chat.example.org/ws.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Sign in to your account</source>
        <translation>Войдите в свой аккаунт</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Сервер</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>&amp;Edit servers…</source>
        <translation>&amp;Настроить серверы…</translation>
    </message>
    <message>
        <source>Edit servers</source>
        <translation>Настроить серверы</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Логин</translation>
    </message>
    <message>
        <source>Login or email</source>
        <translation>Логин или эл. почта</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Пароль</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation>&amp;Запомнить меня</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Запомнить меня</translation>
    </message>
    <message>
        <source>Keeps your session in the system keychain, so you stay signed in next time.</source>
        <translation>Сохраняет сеанс в системном хранилище паролей, чтобы в следующий раз не входить заново.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Show &amp;certificate…</source>
        <translation>Показать с&amp;ертификат…</translation>
    </message>
    <message>
        <source>Show certificate</source>
        <translation>Показать сертификат</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel signing in</source>
        <translation>Отменить вход</translation>
    </message>
    <message>
        <source>No account on this server?</source>
        <translation>Нет аккаунта на этом сервере?</translation>
    </message>
    <message>
        <source>Create &amp;account</source>
        <translation>Создать &amp;аккаунт</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Создать аккаунт</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>&amp;Natter</source>
        <translation>&amp;Natter</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Чат</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Profile…</source>
        <translation>&amp;Профиль…</translation>
    </message>
    <message>
        <source>&amp;Friends and blacklist…</source>
        <translation>&amp;Друзья и чёрный список…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Добавить &amp;аккаунт…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Выйти из аккаунта</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>New &amp;chat…</source>
        <translation>Новый &amp;чат…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>New gr&amp;oup…</source>
        <translation>Новая &amp;группа…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Go to chat…</source>
        <translation>&amp;Перейти к чату…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation>Поиск &amp;сообщений…</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;About Natter</source>
        <translation>&amp;О программе Natter</translation>
    </message>
</context>
<context>
    <name>MessagePane</name>
    <message>
        <source>Select a chat to start messaging</source>
        <translation>Выберите чат, чтобы начать общение</translation>
    </message>
    <message>
        <source>Search in chat (Ctrl+F)</source>
        <translation>Поиск в чате (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search in chat</source>
        <translation>Поиск в чате</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Другие действия</translation>
    </message>
</context>
<context>
    <name>Natter</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Original message not loaded</source>
        <translation>Исходное сообщение не загружено</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Сообщение удалено</translation>
    </message>
    <message>
        <source>Not sent — Retry</source>
        <translation>Не отправлено — повторить</translation>
    </message>
</context>
<context>
    <name>Natter::AppController</name>
    <message>
        <source>Server at %1</source>
        <translation>Сервер %1</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выход из аккаунта</translation>
    </message>
    <message>
        <source>Log out of %1? The messages kept on this device for this account are removed; they stay on the server.</source>
        <translation>Выйти из аккаунта %1? Сообщения этого аккаунта, сохранённые на этом устройстве, будут удалены; на сервере они останутся.</translation>
    </message>
</context>
<context>
    <name>Natter::AttachmentBar</name>
    <message>
        <source>Remove %1</source>
        <translation>Убрать %1</translation>
    </message>
</context>
<context>
    <name>Natter::AuthController</name>
    <message>
        <source>No keychain available</source>
        <translation>Хранилище паролей недоступно</translation>
    </message>
    <message>
        <source>Natter keeps your session in the system keychain, but none is answering (on Linux: a Secret Service such as GNOME Keyring or KWallet).</source>
        <translation>Natter хранит сеанс в системном хранилище паролей, но ни одно из них не отвечает (в Linux это служба Secret Service, например GNOME Keyring или KWallet).</translation>
    </message>
    <message>
        <source>You can stay signed in for this session only, or keep the session in a file that is not encrypted. Anyone who can read your files could then use your account.</source>
        <translation>Можно остаться в аккаунте только до закрытия программы или сохранить сеанс в незашифрованном файле. Тогда любой, кто может читать ваши файлы, сможет воспользоваться вашим аккаунтом.</translation>
    </message>
    <message>
        <source>This session only</source>
        <translation>Только на этот сеанс</translation>
    </message>
    <message>
        <source>Store unencrypted</source>
        <translation>Хранить без шифрования</translation>
    </message>
</context>
<context>
    <name>Natter::CertificateDialog</name>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Доверять этому сертификату</translation>
    </message>
    <message>
        <source>The certificate could not be verified.</source>
        <translation>Не удалось проверить сертификат.</translation>
    </message>
    <message>
        <source>%1 (not valid yet)</source>
        <translation>%1 (ещё не действителен)</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (истёк)</translation>
    </message>
</context>
<context>
    <name>Natter::ChatController</name>
    <message>
        <source>private chat</source>
        <translation>личный чат</translation>
    </message>
    <message>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message numerus="yes">
        <source>group, %n member(s)</source>
        <translation>
            <numerusform>группа, %n участник</numerusform>
            <numerusform>группа, %n участника</numerusform>
            <numerusform>группа, %n участников</numerusform>
        </translation>
    </message>
    <message>
        <source>channel</source>
        <translation>канал</translation>
    </message>
</context>
<context>
    <name>Natter::ChatListPane</name>
    <message>
        <source>No chats yet</source>
        <translation>Чатов пока нет</translation>
    </message>
    <message>
        <source>No chats match</source>
        <translation>Чаты не найдены</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Новая группа</translation>
    </message>
</context>
<context>
    <name>Natter::Composer</name>
    <message>
        <source>“%1” is larger than the %2 limit and was not attached.</source>
        <translation>Файл «%1» больше допустимых %2 и не был прикреплён.</translation>
    </message>
    <message>
        <source>“%1” cannot be read and was not attached.</source>
        <translation>Файл «%1» не удалось прочитать, он не был прикреплён.</translation>
    </message>
    <message>
        <source>The pasted picture is larger than the %1 limit and was not attached.</source>
        <translation>Вставленное изображение больше допустимых %1 и не было прикреплено.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Ответ на сообщение %1: %2</translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation>Изменение сообщения</translation>
    </message>
</context>
<context>
    <name>Natter::ConnectionBanner</name>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Updating… %1 of %2 chats</source>
        <translation>Обновление… %1 из %2 чатов</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет подключения</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for network. Reconnecting in %n s</source>
        <translation>
            <numerusform>Ожидание сети. Переподключение через %n с</numerusform>
            <numerusform>Ожидание сети. Переподключение через %n с</numerusform>
            <numerusform>Ожидание сети. Переподключение через %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for network. Reconnecting…</source>
        <translation>Ожидание сети. Переподключение…</translation>
    </message>
    <message>
        <source>Signed out: log in again</source>
        <translation>Вы вышли из аккаунта: войдите снова</translation>
    </message>
</context>
<context>
    <name>Natter::ContactDelegate</name>
    <message>
        <source>incoming request</source>
        <translation>входящая заявка</translation>
    </message>
    <message>
        <source>request sent</source>
        <translation>заявка отправлена</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>заблокирован</translation>
    </message>
    <message>
        <source>id %1</source>
        <translation>ID %1</translation>
    </message>
</context>
<context>
    <name>Natter::ContactsPanel</name>
    <message>
        <source>Edit note…</source>
        <translation>Изменить заметку…</translation>
    </message>
    <message>
        <source>Remove friend</source>
        <translation>Удалить из друзей</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Отменить заявку</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Изменить заметку</translation>
    </message>
    <message>
        <source>Note for %1:</source>
        <translation>Заметка о контакте %1:</translation>
    </message>
    <message>
        <source>Remove %1 from your friends?</source>
        <translation>Удалить пользователя %1 из друзей?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>Заявки (%1)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <source>Synced with the server</source>
        <translation>Синхронизировано с сервером</translation>
    </message>
    <message>
        <source>Stored on this device only — this server keeps no friends list</source>
        <translation>Хранится только на этом устройстве — сервер не ведёт список друзей</translation>
    </message>
</context>
<context>
    <name>Natter::FileSize</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n байт</numerusform>
            <numerusform>%n байта</numerusform>
            <numerusform>%n байт</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 ГБ</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 ТБ</translation>
    </message>
</context>
<context>
    <name>Natter::FlowDelegate</name>
    <message>
        <source>No messages yet</source>
        <translation>Сообщений пока нет</translation>
    </message>
    <message>
        <source>Message deleted or without text</source>
        <translation>Сообщение удалено или без текста</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокирован</translation>
    </message>
    <message>
        <source>You: </source>
        <translation>Вы: </translation>
    </message>
</context>
<context>
    <name>Natter::GroupInfoDialog</name>
    <message>
        <source>owner</source>
        <translation>владелец</translation>
    </message>
    <message>
        <source>you</source>
        <translation>вы</translation>
    </message>
    <message>
        <source>Remove Member</source>
        <translation>Удалить участника</translation>
    </message>
    <message>
        <source>Remove %1 from the group?</source>
        <translation>Удалить %1 из группы?</translation>
    </message>
    <message>
        <source>Choose a Group Photo</source>
        <translation>Выберите фото группы</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Group Info</source>
        <translation>Сведения о группе</translation>
    </message>
    <message>
        <source>%1 — Group Info</source>
        <translation>%1 — сведения о группе</translation>
    </message>
    <message>
        <source>&amp;Remove from group</source>
        <translation>&amp;Удалить из группы</translation>
    </message>
    <message>
        <source>“%1” is not a picture Natter can use.</source>
        <translation>«%1» — не изображение, которое Natter может использовать.</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 участник</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n участник</numerusform>
            <numerusform>%n участника</numerusform>
            <numerusform>%n участников</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading members…</source>
        <translation>Загрузка участников…</translation>
    </message>
    <message>
        <source>This server does not list the members of groups.</source>
        <translation>Этот сервер не сообщает список участников групп.</translation>
    </message>
    <message>
        <source>Change the group photo</source>
        <translation>Сменить фото группы</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Название группы</translation>
    </message>
    <message>
        <source>Right-click or press Delete to remove a member</source>
        <translation>Чтобы удалить участника, щёлкните правой кнопкой или нажмите Delete</translation>
    </message>
</context>
<context>
    <name>Natter::ImageViewer</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Save Picture</source>
        <translation>Сохранить изображение</translation>
    </message>
    <message>
        <source>The picture could not be saved to “%1”.</source>
        <translation>Не удалось сохранить изображение в «%1».</translation>
    </message>
    <message>
        <source>This picture cannot be shown.</source>
        <translation>Это изображение невозможно показать.</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Изображение</translation>
    </message>
</context>
<context>
    <name>Natter::LoginPage</name>
    <message>
        <source>Hide password</source>
        <translation>Скрыть пароль</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Показать пароль</translation>
    </message>
</context>
<context>
    <name>Natter::MainWindow</name>
    <message>
        <source>About Natter</source>
        <translation>О программе Natter</translation>
    </message>
    <message>
        <source>&lt;b&gt;Natter&lt;/b&gt; %1&lt;br&gt;A native desktop messenger for MoreliaTalk, mode WS-server and DisTet servers.&lt;br&gt;GNU General Public License, version 3 or later.</source>
        <translation>&lt;b&gt;Natter&lt;/b&gt; %1&lt;br&gt;Нативный настольный мессенджер для серверов MoreliaTalk, mode WS-server и DisTet.&lt;br&gt;GNU General Public License версии 3 или более поздней.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Group &amp;info…</source>
        <translation>Сведения о гр&amp;уппе…</translation>
    </message>
</context>
<context>
    <name>Natter::MediaController</name>
    <message>
        <source>Too late to cancel: the file is already on its way.</source>
        <translation>Отменить уже нельзя: файл уже отправлен.</translation>
    </message>
    <message>
        <source>The file could not be downloaded: %1</source>
        <translation>Не удалось скачать файл: %1</translation>
    </message>
</context>
<context>
    <name>Natter::MessageActions</name>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Ответить</translation>
    </message>
    <message>
        <source>&amp;Copy Text</source>
        <translation>&amp;Копировать текст</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Изменить</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete for &amp;Me</source>
        <translation>Удалить у &amp;меня</translation>
    </message>
    <message>
        <source>Re&amp;try Sending</source>
        <translation>&amp;Повторить отправку</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>&amp;Не отправлять</translation>
    </message>
    <message>
        <source>&amp;Open Attachment</source>
        <translation>Откр&amp;ыть вложение</translation>
    </message>
    <message>
        <source>&amp;Save Attachment As…</source>
        <translation>&amp;Сохранить вложение как…</translation>
    </message>
</context>
<context>
    <name>Natter::MessageDelegate</name>
    <message>
        <source>Download</source>
        <translation>Скачать</translation>
    </message>
</context>
<context>
    <name>Natter::MessagePane</name>
    <message>
        <source>Delete Message</source>
        <translation>Удаление сообщения</translation>
    </message>
    <message>
        <source>&amp;Unblock User</source>
        <translation>&amp;Разблокировать пользователя</translation>
    </message>
    <message>
        <source>&amp;Block User</source>
        <translation>&amp;Заблокировать пользователя</translation>
    </message>
    <message>
        <source>Un&amp;mute</source>
        <translation>&amp;Включить уведомления</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Отключить уведомления</translation>
    </message>
    <message>
        <source>M&amp;embers…</source>
        <translation>&amp;Участники…</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Сообщение удалено</translation>
    </message>
    <message>
        <source>Delete this message for you? Others in the chat will still see it.</source>
        <translation>Удалить это сообщение у вас? Другие участники чата по-прежнему будут его видеть.</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the chat?</source>
        <translation>Удалить это сообщение у всех участников чата?</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Сохранить вложение</translation>
    </message>
    <message>
        <source>The attachment could not be saved to “%1”.</source>
        <translation>Не удалось сохранить вложение в «%1».</translation>
    </message>
</context>
<context>
    <name>Natter::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message numerus="yes">
        <source>↓ %n new</source>
        <translation>
            <numerusform>↓ %n новое</numerusform>
            <numerusform>↓ %n новых</numerusform>
            <numerusform>↓ %n новых</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>Перейти к последнему сообщению</translation>
    </message>
</context>
<context>
    <name>Natter::NewChatDialog</name>
    <message>
        <source>New group</source>
        <translation>Новая группа</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Создать группу</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Начать чат</translation>
    </message>
</context>
<context>
    <name>Natter::NotificationController</name>
    <message numerus="yes">
        <source>Sent %n file(s)</source>
        <translation>
            <numerusform>Отправлен %n файл</numerusform>
            <numerusform>Отправлено %n файла</numerusform>
            <numerusform>Отправлено %n файлов</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter (%1)</source>
        <translation>Natter (%1)</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
</context>
<context>
    <name>Natter::Notifier</name>
    <message>
        <source>New message</source>
        <translation>Новое сообщение</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n новое сообщение</numerusform>
            <numerusform>%n новых сообщения</numerusform>
            <numerusform>%n новых сообщений</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Natter::ProfileDialog</name>
    <message>
        <source>Choose a photo</source>
        <translation>Выберите фото</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</translation>
    </message>
    <message>
        <source>@%1</source>
        <translation>@%1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <source>The new passwords do not match.</source>
        <translation>Новые пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>Natter::QuickSwitcher</name>
    <message>
        <source>No chats match</source>
        <translation>Чаты не найдены</translation>
    </message>
</context>
<context>
    <name>Natter::RegisterPage</name>
    <message>
        <source>on %1</source>
        <translation>на %1</translation>
    </message>
    <message>
        <source>We sent a code to %1. Enter it below.</source>
        <translation>Мы отправили код на %1. Введите его ниже.</translation>
    </message>
    <message numerus="yes">
        <source>Send a new code in %n s</source>
        <translation>
            <numerusform>Новый код — через %n с</numerusform>
            <numerusform>Новый код — через %n с</numerusform>
            <numerusform>Новый код — через %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a &amp;new code</source>
        <translation>Выслать &amp;новый код</translation>
    </message>
</context>
<context>
    <name>Natter::SearchPanel</name>
    <message>
        <source>Search in “%1” only</source>
        <translation>Искать только в «%1»</translation>
    </message>
    <message>
        <source>Open a chat to search in it</source>
        <translation>Откройте чат, чтобы искать в нём</translation>
    </message>
    <message>
        <source>Searching on the server…</source>
        <translation>Поиск на сервере…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n результат</numerusform>
            <numerusform>%n результата</numerusform>
            <numerusform>%n результатов</numerusform>
        </translation>
    </message>
    <message>
        <source>Type to search messages</source>
        <translation>Введите запрос для поиска сообщений</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Ничего не найдено</translation>
    </message>
</context>
<context>
    <name>Natter::SearchResultDelegate</name>
    <message>
        <source>On the server</source>
        <translation>На сервере</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>на сервере</translation>
    </message>
</context>
<context>
    <name>Natter::ServerProfileDialog</name>
    <message>
        <source>Auto</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>MoreliaTalk (auto dialect)</source>
        <translation>MoreliaTalk (диалект автоматически)</translation>
    </message>
    <message>
        <source>MoreliaTalk July 2020</source>
        <translation>MoreliaTalk, июль 2020</translation>
    </message>
    <message>
        <source>MoreliaTalk revision 17</source>
        <translation>MoreliaTalk, ревизия 17</translation>
    </message>
    <message>
        <source>mode WS-server</source>
        <translation>mode WS-server</translation>
    </message>
    <message>
        <source>DisTet HTTP</source>
        <translation>DisTet HTTP</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Новый сервер</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <source>Unnamed server</source>
        <translation>Сервер без названия</translation>
    </message>
</context>
<context>
    <name>Natter::SettingsDialog</name>
    <message>
        <source>System</source>
        <translation>Системная</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Без прокси</translation>
    </message>
    <message>
        <source>System proxy settings</source>
        <translation>Системные настройки прокси</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> МБ</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Без ограничений</translation>
    </message>
    <message>
        <source>Clearing…</source>
        <translation>Очистка…</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Не задана</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Применено.</translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>Ничего не удалено.</translation>
    </message>
    <message numerus="yes">
        <source>Freed %1 (%n file(s)).</source>
        <translation>
            <numerusform>Освобождено %1 (%n файл).</numerusform>
            <numerusform>Освобождено %1 (%n файла).</numerusform>
            <numerusform>Освобождено %1 (%n файлов).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept %n file(s) the server cannot send again.</source>
        <translation>
            <numerusform>Оставлен %n файл, который сервер не может прислать снова.</numerusform>
            <numerusform>Оставлено %n файла, которые сервер не может прислать снова.</numerusform>
            <numerusform>Оставлено %n файлов, которые сервер не может прислать снова.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::TrayIcon</name>
    <message numerus="yes">
        <source>Natter — %n unread</source>
        <translation>
            <numerusform>Natter — %n непрочитанное</numerusform>
            <numerusform>Natter — %n непрочитанных</numerusform>
            <numerusform>Natter — %n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Show Natter</source>
        <translation>Показать Natter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
</context>
<context>
    <name>NewChatDialog</name>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>User ID or login</source>
        <translation>ID или логин пользователя</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>например, alice</translation>
    </message>
    <message>
        <source>A two-person chat starts with the first message.</source>
        <translation>Личный чат начнётся с первого сообщения.</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Название группы</translation>
    </message>
    <message>
        <source>Description (optional)</source>
        <translation>Описание (необязательно)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>User ID or login, then Enter</source>
        <translation>ID или логин, затем Enter</translation>
    </message>
    <message>
        <source>Member to add</source>
        <translation>Новый участник</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Добавить участника</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Удалить выбранных</translation>
    </message>
    <message>
        <source>Remove selected members</source>
        <translation>Удалить выбранных участников</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Profile photo</source>
        <translation>Фото профиля</translation>
    </message>
    <message>
        <source>Change &amp;photo…</source>
        <translation>Изменить &amp;фото…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Отображаемое имя</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Сохранить имя</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Copy login</source>
        <translation>Копировать логин</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>ID пользователя</translation>
    </message>
    <message>
        <source>Copy id</source>
        <translation>Копировать ID</translation>
    </message>
    <message>
        <source>Change pass&amp;word…</source>
        <translation>Сменить &amp;пароль…</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <source>C&amp;urrent:</source>
        <translation>&amp;Текущий:</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <source>N&amp;ew:</source>
        <translation>&amp;Новый:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>П&amp;овтор:</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Повторите новый пароль</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Сменить</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Удаление аккаунта</translation>
    </message>
    <message>
        <source>This deletes your account on the server for good. Your chats, messages, contacts and files on the server are lost, and this device&apos;s copy of them is erased. It cannot be undone.</source>
        <translation>Аккаунт будет удалён с сервера навсегда. Ваши чаты, сообщения, контакты и файлы на сервере пропадут, а их копия на этом устройстве будет стёрта. Отменить это невозможно.</translation>
    </message>
    <message>
        <source>Type your password to confirm</source>
        <translation>Введите пароль для подтверждения</translation>
    </message>
    <message>
        <source>Password to confirm deletion</source>
        <translation>Пароль для подтверждения удаления</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Delete my account</source>
        <translation>Удалить мой аккаунт</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>&amp;Delete account…</source>
        <translation>&amp;Удалить аккаунт…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to chat</source>
        <translation>Перейти к чату</translation>
    </message>
    <message>
        <source>Go to chat…</source>
        <translation>Перейти к чату…</translation>
    </message>
    <message>
        <source>Chat name</source>
        <translation>Название чата</translation>
    </message>
    <message>
        <source>Matching chats</source>
        <translation>Найденные чаты</translation>
    </message>
    <message>
        <source>↑↓ to move, Enter to open, Esc to close</source>
        <translation>↑↓ — выбор, Enter — открыть, Esc — закрыть</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Create account</source>
        <translation>Создать аккаунт</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Логин</translation>
    </message>
    <message>
        <source>3–32 letters, digits, . _ -</source>
        <translation>3–32 буквы, цифры, . _ -</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Display &amp;name (optional)</source>
        <translation>&amp;Имя (необязательно)</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>Как вас будут видеть другие</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Отображаемое имя</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Эл. почта</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Пароль</translation>
    </message>
    <message>
        <source>At least 6 characters</source>
        <translation>Не менее 6 символов</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>П&amp;овторите пароль</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Повторите пароль</translation>
    </message>
    <message>
        <source>Re&amp;member me</source>
        <translation>Запо&amp;мнить меня</translation>
    </message>
    <message>
        <source>Keeps your session in the system keychain, so you stay signed in next time.</source>
        <translation>Сохраняет сеанс в системном хранилище паролей, чтобы в следующий раз не входить заново.</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Запомнить меня</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Создание аккаунта…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel creating the account</source>
        <translation>Отменить создание аккаунта</translation>
    </message>
    <message>
        <source>Already have an account?</source>
        <translation>Уже есть аккаунт?</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Back to signing in</source>
        <translation>Вернуться ко входу</translation>
    </message>
    <message>
        <source>Confirm your email</source>
        <translation>Подтвердите эл. почту</translation>
    </message>
    <message>
        <source>Confirmation &amp;code</source>
        <translation>&amp;Код подтверждения</translation>
    </message>
    <message>
        <source>Code from the email</source>
        <translation>Код из письма</translation>
    </message>
    <message>
        <source>Confirmation code</source>
        <translation>Код подтверждения</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Проверка кода…</translation>
    </message>
    <message>
        <source>Confirm the code</source>
        <translation>Подтвердить код</translation>
    </message>
    <message>
        <source>Send a &amp;new code</source>
        <translation>Выслать &amp;новый код</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Выслать новый код</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>На&amp;зад</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search messages</source>
        <translation>Поиск сообщений</translation>
    </message>
    <message>
        <source>Close search (Esc)</source>
        <translation>Закрыть поиск (Esc)</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Закрыть поиск</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>This chat</source>
        <translation>Этот чат</translation>
    </message>
    <message>
        <source>Search this chat</source>
        <translation>Искать в этом чате</translation>
    </message>
    <message>
        <source>All chats</source>
        <translation>Все чаты</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Искать во всех чатах</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
</context>
<context>
    <name>ServerProfileDialog</name>
    <message>
        <source>Servers</source>
        <translation>Серверы</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Add a server</source>
        <translation>Добавить сервер</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>Ду&amp;блировать</translation>
    </message>
    <message>
        <source>Copy the selected server</source>
        <translation>Создать копию выбранного сервера</translation>
    </message>
    <message>
        <source>Duplicate the selected server</source>
        <translation>Дублировать выбранный сервер</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Remove the selected server</source>
        <translation>Удалить выбранный сервер</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>My server</source>
        <translation>Мой сервер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>wss://chat.example.org/ws</source>
        <translation>wss://chat.example.org/ws</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Протокол:</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Client &amp;certificate hash:</source>
        <translation>&amp;Хеш сертификата клиента:</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Встроенный</translation>
    </message>
    <message>
        <source>DisTet client certificate hash</source>
        <translation>Хеш сертификата клиента DisTet</translation>
    </message>
    <message>
        <source>DisTet servers check this value. Leave it empty to use the one built into Natter.</source>
        <translation>Серверы DisTet проверяют это значение. Оставьте поле пустым, чтобы использовать встроенное в Natter.</translation>
    </message>
    <message>
        <source>Trusted certificate:</source>
        <translation>Доверенный сертификат:</translation>
    </message>
    <message>
        <source>None: the system decides</source>
        <translation>Нет: решает система</translation>
    </message>
    <message>
        <source>Trusted certificate fingerprint</source>
        <translation>Отпечаток доверенного сертификата</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Забыть</translation>
    </message>
    <message>
        <source>Stop trusting this certificate</source>
        <translation>Больше не доверять этому сертификату</translation>
    </message>
    <message>
        <source>Forget the trusted certificate</source>
        <translation>Забыть доверенный сертификат</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Разделы настроек</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Оформление</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Хранилище</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Start &amp;minimized</source>
        <translation>Запускать &amp;свёрнутым</translation>
    </message>
    <message>
        <source>&amp;Closing the window keeps Natter running in the tray</source>
        <translation>При &amp;закрытии окна оставлять Natter в трее</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications for new messages</source>
        <translation>Показывать &amp;уведомления о новых сообщениях</translation>
    </message>
    <message>
        <source>Show the &amp;sender and message text</source>
        <translation>Показывать &amp;отправителя и текст сообщения</translation>
    </message>
    <message>
        <source>When off, notifications only say “New message”.</source>
        <translation>Если выключено, в уведомлении будет только «Новое сообщение».</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>Про&amp;кси:</translation>
    </message>
    <message>
        <source>Proxy type</source>
        <translation>Тип прокси</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Хост:</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>Хост прокси</translation>
    </message>
    <message>
        <source>proxy.example.org</source>
        <translation>proxy.example.org</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>По&amp;рт:</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Порт прокси</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>Proxy user</source>
        <translation>Пользователь прокси</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Пароль прокси</translation>
    </message>
    <message>
        <source>The proxy password is kept in memory only: it is never saved, so enter it again after restarting Natter.</source>
        <translation>Пароль прокси хранится только в памяти и никогда не сохраняется, поэтому после перезапуска Natter введите его снова.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Приме&amp;нить</translation>
    </message>
    <message>
        <source>Apply proxy settings</source>
        <translation>Применить настройки прокси</translation>
    </message>
    <message>
        <source>Media cache:</source>
        <translation>Кэш медиафайлов:</translation>
    </message>
    <message>
        <source>Media cache size</source>
        <translation>Размер кэша медиафайлов</translation>
    </message>
    <message>
        <source>&amp;Clear media cache</source>
        <translation>О&amp;чистить кэш</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>&amp;Лимит:</translation>
    </message>
    <message>
        <source>Media cache limit in megabytes</source>
        <translation>Лимит кэша медиафайлов в мегабайтах</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Папка данных:</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Папка данных</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Открыть п&amp;апку</translation>
    </message>
    <message>
        <source>Clearing and the limit remove only received files the server can send again; they download again when you open them. Files you are still sending are kept.</source>
        <translation>Очистка и ограничение удаляют только полученные файлы, которые сервер может прислать снова; они скачаются заново, когда вы их откроете. Файлы, которые ещё отправляются, остаются.</translation>
    </message>
    <message>
        <source>Media cache cleared</source>
        <translation>Кэш медиафайлов очищен</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Natter, a desktop messenger for MoreliaTalk, mode WS-server and DisTet servers.</source>
        <translation>Natter — настольный мессенджер для серверов MoreliaTalk, mode WS-server и DisTet.</translation>
    </message>
    <message>
        <source>Keep accounts and caches in &lt;dir&gt;.</source>
        <translation>Хранить аккаунты и кэши в &lt;dir&gt;.</translation>
    </message>
    <message>
        <source>Select (or add) the server at &lt;url&gt; on the sign-in page.</source>
        <translation>Выбрать (или добавить) сервер &lt;url&gt; на странице входа.</translation>
    </message>
    <message>
        <source>The protocol of --server: auto, morelia, morelia-2020, morelia-r17, wsmode or distet.</source>
        <translation>Протокол для --server: auto, morelia, morelia-2020, morelia-r17, wsmode или distet.</translation>
    </message>
    <message>
        <source>Fill in &lt;login&gt; on the sign-in page.</source>
        <translation>Подставить &lt;login&gt; на странице входа.</translation>
    </message>
    <message>
        <source>Read a password from standard input and sign in.</source>
        <translation>Прочитать пароль из стандартного ввода и войти.</translation>
    </message>
    <message>
        <source>Once the chats are shown and synced, save the window to &lt;png&gt; and quit.</source>
        <translation>Когда чаты будут показаны и синхронизированы, сохранить окно в &lt;png&gt; и выйти.</translation>
    </message>
    <message>
        <source>Start hidden in the system tray.</source>
        <translation>Запуститься свёрнутым в системный трей.</translation>
    </message>
</context>
</TS>
