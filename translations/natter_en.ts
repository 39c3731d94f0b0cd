<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Server certificate</source>
        <translation>Server certificate</translation>
    </message>
    <message>
        <source>Natter cannot confirm that this server is who it claims to be.</source>
        <translation>Natter cannot confirm that this server is who it claims to be.</translation>
    </message>
    <message>
        <source>Why the certificate is not trusted</source>
        <translation>Why the certificate is not trusted</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Issued for:</source>
        <translation>Issued for:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Valid from:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <source>The server sent no certificate Natter could read, so there is nothing to trust here. Check the server address, or ask the server&apos;s administrator.</source>
        <translation>The server sent no certificate Natter could read, so there is nothing to trust here. Check the server address, or ask the server&apos;s administrator.</translation>
    </message>
    <message>
        <source>Trust this certificate only if you know that the server really uses it, for example because you run the server yourself. Otherwise someone may be listening in on your connection.</source>
        <translation>Trust this certificate only if you know that the server really uses it, for example because you run the server yourself. Otherwise someone may be listening in on your connection.</translation>
    </message>
</context>
<context>
    <name>ChatListPane</name>
    <message>
        <source>Search chats</source>
        <translation>Search chats</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>New chat or group</source>
        <translation>New chat or group</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Cancel reply or edit</source>
        <translation>Cancel reply or edit</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Message text</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Write a message…</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Connection problem</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Close contacts</source>
        <translation>Close contacts</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Friends</translation>
    </message>
    <message>
        <source>Add friend by id or login</source>
        <translation>Add friend by id or login</translation>
    </message>
    <message>
        <source>Friend&apos;s id or login</source>
        <translation>Friend&apos;s id or login</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add friend</source>
        <translation>Add friend</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Note for the new friend</source>
        <translation>Note for the new friend</translation>
    </message>
    <message>
        <source>No friends yet. Add someone by their id or login.</source>
        <translation>No friends yet. Add someone by their id or login.</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>Edit note…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove friend</source>
        <translation>Remove friend</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Incoming friend requests</source>
        <translation>Incoming friend requests</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Accept request</source>
        <translation>Accept request</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Decline request</source>
        <translation>Decline request</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Sent friend requests</source>
        <translation>Sent friend requests</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Cancel request</translation>
    </message>
    <message>
        <source>No pending requests.</source>
        <translation>No pending requests.</translation>
    </message>
    <message>
        <source>Blacklist</source>
        <translation>Blacklist</translation>
    </message>
    <message>
        <source>Block user by id or login</source>
        <translation>Block user by id or login</translation>
    </message>
    <message>
        <source>Id or login to block</source>
        <translation>Id or login to block</translation>
    </message>
    <message>
        <source>Block user</source>
        <translation>Block user</translation>
    </message>
    <message>
        <source>Blocked users</source>
        <translation>Blocked users</translation>
    </message>
    <message>
        <source>No blocked users.</source>
        <translation>No blocked users.</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server cannot be reached.</source>
        <translation>The server cannot be reached.</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>The connection to the server was lost.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate cannot be trusted.</source>
        <translation>The server&apos;s certificate cannot be trusted.</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>Wrong login or password.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>You are not signed in.</translation>
    </message>
    <message>
        <source>Your session has expired.</source>
        <translation>Your session has expired.</translation>
    </message>
    <message>
        <source>This account is signed in on too many devices.</source>
        <translation>This account is signed in on too many devices.</translation>
    </message>
    <message>
        <source>Your email address is not confirmed yet.</source>
        <translation>Your email address is not confirmed yet.</translation>
    </message>
    <message>
        <source>The server sent an answer Natter does not understand.</source>
        <translation>The server sent an answer Natter does not understand.</translation>
    </message>
    <message>
        <source>The server sent more data than Natter accepts at once.</source>
        <translation>The server sent more data than Natter accepts at once.</translation>
    </message>
    <message>
        <source>This server does not speak a protocol Natter knows.</source>
        <translation>This server does not speak a protocol Natter knows.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>The server refused the request.</translation>
    </message>
    <message>
        <source>That name or email address is already taken.</source>
        <translation>That name or email address is already taken.</translation>
    </message>
    <message>
        <source>No such user or chat.</source>
        <translation>No such user or chat.</translation>
    </message>
    <message>
        <source>You are not a member of this chat.</source>
        <translation>You are not a member of this chat.</translation>
    </message>
    <message>
        <source>The server did not accept the data entered.</source>
        <translation>The server did not accept the data entered.</translation>
    </message>
    <message>
        <source>This server does not support it.</source>
        <translation>This server does not support it.</translation>
    </message>
    <message>
        <source>The server had an internal error.</source>
        <translation>The server had an internal error.</translation>
    </message>
    <message>
        <source>Some of the data entered is not valid.</source>
        <translation>Some of the data entered is not valid.</translation>
    </message>
    <message>
        <source>A file could not be read or written.</source>
        <translation>A file could not be read or written.</translation>
    </message>
    <message>
        <source>No keychain is available to keep your session.</source>
        <translation>No keychain is available to keep your session.</translation>
    </message>
    <message>
        <source>The local message cache could not be written.</source>
        <translation>The local message cache could not be written.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Something went wrong.</translation>
    </message>
    <message>
        <source>Check the address and your network connection.</source>
        <translation>Check the address and your network connection.</translation>
    </message>
    <message>
        <source>Natter reconnects by itself.</source>
        <translation>Natter reconnects by itself.</translation>
    </message>
    <message>
        <source>Check the certificate details before trusting it.</source>
        <translation>Check the certificate details before trusting it.</translation>
    </message>
    <message>
        <source>Check the login and password and try again.</source>
        <translation>Check the login and password and try again.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Please sign in again.</translation>
    </message>
    <message>
        <source>Sign out on another device and try again.</source>
        <translation>Sign out on another device and try again.</translation>
    </message>
    <message>
        <source>Enter the code that was mailed to you.</source>
        <translation>Enter the code that was mailed to you.</translation>
    </message>
    <message>
        <source>Check the address, or choose the protocol by hand.</source>
        <translation>Check the address, or choose the protocol by hand.</translation>
    </message>
    <message>
        <source>Start a keychain service, or keep the session for this run only.</source>
        <translation>Start a keychain service, or keep the session for this run only.</translation>
    </message>
    <message>
        <source>Check the free disk space.</source>
        <translation>Check the free disk space.</translation>
    </message>
</context>
<context>
    <name>GroupInfoDialog</name>
    <message>
        <source>Group Info</source>
        <translation>Group Info</translation>
    </message>
    <message>
        <source>Group photo</source>
        <translation>Group photo</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Change &amp;photo…</source>
        <translation>Change &amp;photo…</translation>
    </message>
    <message>
        <source>P&amp;rivate group</source>
        <translation>P&amp;rivate group</translation>
    </message>
    <message>
        <source>Private groups do not appear when others search for groups.</source>
        <translation>Private groups do not appear when others search for groups.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>&amp;Add members…</source>
        <translation>&amp;Add members…</translation>
    </message>
    <message>
        <source>Logins or ids, separated by commas</source>
        <translation>Logins or ids, separated by commas</translation>
    </message>
    <message>
        <source>Members to add</source>
        <translation>Members to add</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;dd</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>Fit to window (Ctrl+0)</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation>Actual size (Ctrl+1)</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <source>Save as… (Ctrl+S)</source>
        <translation>Save as… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>InputValidation</name>
    <message>
        <source>Enter a login.</source>
        <translation>Enter a login.</translation>
    </message>
    <message numerus="yes">
        <source>The login needs at least %n characters.</source>
        <translation>
            <numerusform>The login needs at least %n character.</numerusform>
            <numerusform>The login needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The login can have at most %n characters.</source>
        <translation>
            <numerusform>The login can have at most %n character.</numerusform>
            <numerusform>The login can have at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use only letters, digits, dots, underscores and hyphens.</source>
        <translation>Use only letters, digits, dots, underscores and hyphens.</translation>
    </message>
    <message>
        <source>Enter an email address.</source>
        <translation>Enter an email address.</translation>
    </message>
    <message>
        <source>This does not look like an email address (name@example.org).</source>
        <translation>This does not look like an email address (name@example.org).</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <source>The address must start with ws://, wss://, http:// or https://.</source>
        <translation>The address must start with ws://, wss://, http:// or https://.</translation>
    </message>
    <message>
        <source>The address needs a host name, e.g. wss://chat.example.org/ws.</source>
        <translation>The address needs a host name, e.g. wss://chat.example.org/ws.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Sign in to your account</source>
        <translation>Sign in to your account</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Edit servers…</source>
        <translation>&amp;Edit servers…</translation>
    </message>
    <message>
        <source>Edit servers</source>
        <translation>Edit servers</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <source>Login or email</source>
        <translation>Login or email</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation>&amp;Remember me</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <source>Keeps your session in the system keychain, so you stay signed in next time.</source>
        <translation>Keeps your session in the system keychain, so you stay signed in next time.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Show &amp;certificate…</source>
        <translation>Show &amp;certificate…</translation>
    </message>
    <message>
        <source>Show certificate</source>
        <translation>Show certificate</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel signing in</source>
        <translation>Cancel signing in</translation>
    </message>
    <message>
        <source>No account on this server?</source>
        <translation>No account on this server?</translation>
    </message>
    <message>
        <source>Create &amp;account</source>
        <translation>Create &amp;account</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Create account</translation>
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
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Profile…</source>
        <translation>&amp;Profile…</translation>
    </message>
    <message>
        <source>&amp;Friends and blacklist…</source>
        <translation>&amp;Friends and blacklist…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>New &amp;chat…</source>
        <translation>New &amp;chat…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>New gr&amp;oup…</source>
        <translation>New gr&amp;oup…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Go to chat…</source>
        <translation>&amp;Go to chat…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation>&amp;Search messages…</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;About Natter</source>
        <translation>&amp;About Natter</translation>
    </message>
</context>
<context>
    <name>MessagePane</name>
    <message>
        <source>Select a chat to start messaging</source>
        <translation>Select a chat to start messaging</translation>
    </message>
    <message>
        <source>Search in chat (Ctrl+F)</source>
        <translation>Search in chat (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search in chat</source>
        <translation>Search in chat</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>More actions</translation>
    </message>
</context>
<context>
    <name>Natter</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Original message not loaded</source>
        <translation>Original message not loaded</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Message deleted</translation>
    </message>
    <message>
        <source>Not sent — Retry</source>
        <translation>Not sent — Retry</translation>
    </message>
</context>
<context>
    <name>Natter::AppController</name>
    <message>
        <source>Server at %1</source>
        <translation>Server at %1</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Log out of %1? The messages kept on this device for this account are removed; they stay on the server.</source>
        <translation>Log out of %1? The messages kept on this device for this account are removed; they stay on the server.</translation>
    </message>
</context>
<context>
    <name>Natter::AttachmentBar</name>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>Natter::AuthController</name>
    <message>
        <source>No keychain available</source>
        <translation>No keychain available</translation>
    </message>
    <message>
        <source>Natter keeps your session in the system keychain, but none is answering (on Linux: a Secret Service such as GNOME Keyring or KWallet).</source>
        <translation>Natter keeps your session in the system keychain, but none is answering (on Linux: a Secret Service such as GNOME Keyring or KWallet).</translation>
    </message>
    <message>
        <source>You can stay signed in for this session only, or keep the session in a file that is not encrypted. Anyone who can read your files could then use your account.</source>
        <translation>You can stay signed in for this session only, or keep the session in a file that is not encrypted. Anyone who can read your files could then use your account.</translation>
    </message>
    <message>
        <source>This session only</source>
        <translation>This session only</translation>
    </message>
    <message>
        <source>Store unencrypted</source>
        <translation>Store unencrypted</translation>
    </message>
</context>
<context>
    <name>Natter::CertificateDialog</name>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Trust this certificate</translation>
    </message>
    <message>
        <source>The certificate could not be verified.</source>
        <translation>The certificate could not be verified.</translation>
    </message>
    <message>
        <source>%1 (not valid yet)</source>
        <translation>%1 (not valid yet)</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (expired)</translation>
    </message>
</context>
<context>
    <name>Natter::ChatController</name>
    <message>
        <source>private chat</source>
        <translation>private chat</translation>
    </message>
    <message>
        <source>group</source>
        <translation>group</translation>
    </message>
    <message numerus="yes">
        <source>group, %n member(s)</source>
        <translation>
            <numerusform>group, %n member</numerusform>
            <numerusform>group, %n members</numerusform>
        </translation>
    </message>
    <message>
        <source>channel</source>
        <translation>channel</translation>
    </message>
</context>
<context>
    <name>Natter::ChatListPane</name>
    <message>
        <source>No chats yet</source>
        <translation>No chats yet</translation>
    </message>
    <message>
        <source>No chats match</source>
        <translation>No chats match</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>New group</translation>
    </message>
</context>
<context>
    <name>Natter::Composer</name>
    <message>
        <source>“%1” is larger than the %2 limit and was not attached.</source>
        <translation>“%1” is larger than the %2 limit and was not attached.</translation>
    </message>
    <message>
        <source>“%1” cannot be read and was not attached.</source>
        <translation>“%1” cannot be read and was not attached.</translation>
    </message>
    <message>
        <source>The pasted picture is larger than the %1 limit and was not attached.</source>
        <translation>The pasted picture is larger than the %1 limit and was not attached.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Replying to %1: %2</translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation>Editing message</translation>
    </message>
</context>
<context>
    <name>Natter::ConnectionBanner</name>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Updating… %1 of %2 chats</source>
        <translation>Updating… %1 of %2 chats</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for network. Reconnecting in %n s</source>
        <translation>
            <numerusform>Waiting for network. Reconnecting in %n s</numerusform>
            <numerusform>Waiting for network. Reconnecting in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for network. Reconnecting…</source>
        <translation>Waiting for network. Reconnecting…</translation>
    </message>
    <message>
        <source>Signed out: log in again</source>
        <translation>Signed out: log in again</translation>
    </message>
</context>
<context>
    <name>Natter::ContactDelegate</name>
    <message>
        <source>incoming request</source>
        <translation>incoming request</translation>
    </message>
    <message>
        <source>request sent</source>
        <translation>request sent</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
    <message>
        <source>id %1</source>
        <translation>id %1</translation>
    </message>
</context>
<context>
    <name>Natter::ContactsPanel</name>
    <message>
        <source>Edit note…</source>
        <translation>Edit note…</translation>
    </message>
    <message>
        <source>Remove friend</source>
        <translation>Remove friend</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Cancel request</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>Note for %1:</source>
        <translation>Note for %1:</translation>
    </message>
    <message>
        <source>Remove %1 from your friends?</source>
        <translation>Remove %1 from your friends?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>Requests (%1)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Synced with the server</source>
        <translation>Synced with the server</translation>
    </message>
    <message>
        <source>Stored on this device only — this server keeps no friends list</source>
        <translation>Stored on this device only — this server keeps no friends list</translation>
    </message>
</context>
<context>
    <name>Natter::FileSize</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
</context>
<context>
    <name>Natter::FlowDelegate</name>
    <message>
        <source>No messages yet</source>
        <translation>No messages yet</translation>
    </message>
    <message>
        <source>Message deleted or without text</source>
        <translation>Message deleted or without text</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>You: </source>
        <translation>You: </translation>
    </message>
</context>
<context>
    <name>Natter::GroupInfoDialog</name>
    <message>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>you</source>
        <translation>you</translation>
    </message>
    <message>
        <source>Remove Member</source>
        <translation>Remove Member</translation>
    </message>
    <message>
        <source>Remove %1 from the group?</source>
        <translation>Remove %1 from the group?</translation>
    </message>
    <message>
        <source>Choose a Group Photo</source>
        <translation>Choose a Group Photo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Group Info</source>
        <translation>Group Info</translation>
    </message>
    <message>
        <source>%1 — Group Info</source>
        <translation>%1 — Group Info</translation>
    </message>
    <message>
        <source>&amp;Remove from group</source>
        <translation>&amp;Remove from group</translation>
    </message>
    <message>
        <source>“%1” is not a picture Natter can use.</source>
        <translation>“%1” is not a picture Natter can use.</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 member</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading members…</source>
        <translation>Loading members…</translation>
    </message>
    <message>
        <source>This server does not list the members of groups.</source>
        <translation>This server does not list the members of groups.</translation>
    </message>
    <message>
        <source>Change the group photo</source>
        <translation>Change the group photo</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>Right-click or press Delete to remove a member</source>
        <translation>Right-click or press Delete to remove a member</translation>
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
        <translation>Save Picture</translation>
    </message>
    <message>
        <source>The picture could not be saved to “%1”.</source>
        <translation>The picture could not be saved to “%1”.</translation>
    </message>
    <message>
        <source>This picture cannot be shown.</source>
        <translation>This picture cannot be shown.</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
</context>
<context>
    <name>Natter::LoginPage</name>
    <message>
        <source>Hide password</source>
        <translation>Hide password</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Show password</translation>
    </message>
</context>
<context>
    <name>Natter::MainWindow</name>
    <message>
        <source>About Natter</source>
        <translation>About Natter</translation>
    </message>
    <message>
        <source>&lt;b&gt;Natter&lt;/b&gt; %1&lt;br&gt;A native desktop messenger for MoreliaTalk, mode WS-server and DisTet servers.&lt;br&gt;GNU General Public License, version 3 or later.</source>
        <translation>&lt;b&gt;Natter&lt;/b&gt; %1&lt;br&gt;A native desktop messenger for MoreliaTalk, mode WS-server and DisTet servers.&lt;br&gt;GNU General Public License, version 3 or later.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Group &amp;info…</source>
        <translation>Group &amp;info…</translation>
    </message>
</context>
<context>
    <name>Natter::MediaController</name>
    <message>
        <source>Too late to cancel: the file is already on its way.</source>
        <translation>Too late to cancel: the file is already on its way.</translation>
    </message>
    <message>
        <source>The file could not be downloaded: %1</source>
        <translation>The file could not be downloaded: %1</translation>
    </message>
</context>
<context>
    <name>Natter::MessageActions</name>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Reply</translation>
    </message>
    <message>
        <source>&amp;Copy Text</source>
        <translation>&amp;Copy Text</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Delete for &amp;Me</source>
        <translation>Delete for &amp;Me</translation>
    </message>
    <message>
        <source>Re&amp;try Sending</source>
        <translation>Re&amp;try Sending</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>D&amp;iscard</translation>
    </message>
    <message>
        <source>&amp;Open Attachment</source>
        <translation>&amp;Open Attachment</translation>
    </message>
    <message>
        <source>&amp;Save Attachment As…</source>
        <translation>&amp;Save Attachment As…</translation>
    </message>
</context>
<context>
    <name>Natter::MessageDelegate</name>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
</context>
<context>
    <name>Natter::MessagePane</name>
    <message>
        <source>Delete Message</source>
        <translation>Delete Message</translation>
    </message>
    <message>
        <source>&amp;Unblock User</source>
        <translation>&amp;Unblock User</translation>
    </message>
    <message>
        <source>&amp;Block User</source>
        <translation>&amp;Block User</translation>
    </message>
    <message>
        <source>Un&amp;mute</source>
        <translation>Un&amp;mute</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Mute</translation>
    </message>
    <message>
        <source>M&amp;embers…</source>
        <translation>M&amp;embers…</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Message deleted</translation>
    </message>
    <message>
        <source>Delete this message for you? Others in the chat will still see it.</source>
        <translation>Delete this message for you? Others in the chat will still see it.</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the chat?</source>
        <translation>Delete this message for everyone in the chat?</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Save Attachment</translation>
    </message>
    <message>
        <source>The attachment could not be saved to “%1”.</source>
        <translation>The attachment could not be saved to “%1”.</translation>
    </message>
</context>
<context>
    <name>Natter::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message numerus="yes">
        <source>↓ %n new</source>
        <translation>
            <numerusform>↓ %n new</numerusform>
            <numerusform>↓ %n new</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>Jump to the newest message</translation>
    </message>
</context>
<context>
    <name>Natter::NewChatDialog</name>
    <message>
        <source>New group</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Create group</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Start chat</translation>
    </message>
</context>
<context>
    <name>Natter::NotificationController</name>
    <message numerus="yes">
        <source>Sent %n file(s)</source>
        <translation>
            <numerusform>Sent %n file</numerusform>
            <numerusform>Sent %n files</numerusform>
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
        <translation>New message</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
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
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</translation>
    </message>
    <message>
        <source>@%1</source>
        <translation>@%1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>The new passwords do not match.</source>
        <translation>The new passwords do not match.</translation>
    </message>
</context>
<context>
    <name>Natter::QuickSwitcher</name>
    <message>
        <source>No chats match</source>
        <translation>No chats match</translation>
    </message>
</context>
<context>
    <name>Natter::RegisterPage</name>
    <message>
        <source>on %1</source>
        <translation>on %1</translation>
    </message>
    <message>
        <source>We sent a code to %1. Enter it below.</source>
        <translation>We sent a code to %1. Enter it below.</translation>
    </message>
    <message numerus="yes">
        <source>Send a new code in %n s</source>
        <translation>
            <numerusform>Send a new code in %n s</numerusform>
            <numerusform>Send a new code in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a &amp;new code</source>
        <translation>Send a &amp;new code</translation>
    </message>
</context>
<context>
    <name>Natter::SearchPanel</name>
    <message>
        <source>Search in “%1” only</source>
        <translation>Search in “%1” only</translation>
    </message>
    <message>
        <source>Open a chat to search in it</source>
        <translation>Open a chat to search in it</translation>
    </message>
    <message>
        <source>Searching on the server…</source>
        <translation>Searching on the server…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Type to search messages</source>
        <translation>Type to search messages</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>No results</translation>
    </message>
</context>
<context>
    <name>Natter::SearchResultDelegate</name>
    <message>
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>on the server</translation>
    </message>
</context>
<context>
    <name>Natter::ServerProfileDialog</name>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>MoreliaTalk (auto dialect)</source>
        <translation>MoreliaTalk (auto dialect)</translation>
    </message>
    <message>
        <source>MoreliaTalk July 2020</source>
        <translation>MoreliaTalk July 2020</translation>
    </message>
    <message>
        <source>MoreliaTalk revision 17</source>
        <translation>MoreliaTalk revision 17</translation>
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
        <translation>New server</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>Unnamed server</source>
        <translation>Unnamed server</translation>
    </message>
</context>
<context>
    <name>Natter::SettingsDialog</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>No proxy</translation>
    </message>
    <message>
        <source>System proxy settings</source>
        <translation>System proxy settings</translation>
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
        <translation> MB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>Clearing…</source>
        <translation>Clearing…</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Applied.</translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>Nothing was removed.</translation>
    </message>
    <message numerus="yes">
        <source>Freed %1 (%n file(s)).</source>
        <translation>
            <numerusform>Freed %1 (%n file).</numerusform>
            <numerusform>Freed %1 (%n files).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept %n file(s) the server cannot send again.</source>
        <translation>
            <numerusform>Kept %n file the server cannot send again.</numerusform>
            <numerusform>Kept %n files the server cannot send again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::TrayIcon</name>
    <message numerus="yes">
        <source>Natter — %n unread</source>
        <translation>
            <numerusform>Natter — %n unread</numerusform>
            <numerusform>Natter — %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Show Natter</source>
        <translation>Show Natter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>NewChatDialog</name>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>User ID or login</source>
        <translation>User ID or login</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>e.g. alice</translation>
    </message>
    <message>
        <source>A two-person chat starts with the first message.</source>
        <translation>A two-person chat starts with the first message.</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>Description (optional)</source>
        <translation>Description (optional)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>User ID or login, then Enter</source>
        <translation>User ID or login, then Enter</translation>
    </message>
    <message>
        <source>Member to add</source>
        <translation>Member to add</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>Remove selected members</source>
        <translation>Remove selected members</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Profile photo</source>
        <translation>Profile photo</translation>
    </message>
    <message>
        <source>Change &amp;photo…</source>
        <translation>Change &amp;photo…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Save name</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Copy login</source>
        <translation>Copy login</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Id:</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>User id</translation>
    </message>
    <message>
        <source>Copy id</source>
        <translation>Copy id</translation>
    </message>
    <message>
        <source>Change pass&amp;word…</source>
        <translation>Change pass&amp;word…</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>C&amp;urrent:</source>
        <translation>C&amp;urrent:</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>N&amp;ew:</source>
        <translation>N&amp;ew:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>Con&amp;firm:</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Delete account</translation>
    </message>
    <message>
        <source>This deletes your account on the server for good. Your chats, messages, contacts and files on the server are lost, and this device&apos;s copy of them is erased. It cannot be undone.</source>
        <translation>This deletes your account on the server for good. Your chats, messages, contacts and files on the server are lost, and this device&apos;s copy of them is erased. It cannot be undone.</translation>
    </message>
    <message>
        <source>Type your password to confirm</source>
        <translation>Type your password to confirm</translation>
    </message>
    <message>
        <source>Password to confirm deletion</source>
        <translation>Password to confirm deletion</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Delete my account</source>
        <translation>Delete my account</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&amp;Delete account…</source>
        <translation>&amp;Delete account…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to chat</source>
        <translation>Go to chat</translation>
    </message>
    <message>
        <source>Go to chat…</source>
        <translation>Go to chat…</translation>
    </message>
    <message>
        <source>Chat name</source>
        <translation>Chat name</translation>
    </message>
    <message>
        <source>Matching chats</source>
        <translation>Matching chats</translation>
    </message>
    <message>
        <source>↑↓ to move, Enter to open, Esc to close</source>
        <translation>↑↓ to move, Enter to open, Esc to close</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Create account</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <source>3–32 letters, digits, . _ -</source>
        <translation>3–32 letters, digits, . _ -</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Display &amp;name (optional)</source>
        <translation>Display &amp;name (optional)</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>How others see you</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>At least 6 characters</source>
        <translation>At least 6 characters</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Re&amp;member me</source>
        <translation>Re&amp;member me</translation>
    </message>
    <message>
        <source>Keeps your session in the system keychain, so you stay signed in next time.</source>
        <translation>Keeps your session in the system keychain, so you stay signed in next time.</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Creating account…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel creating the account</source>
        <translation>Cancel creating the account</translation>
    </message>
    <message>
        <source>Already have an account?</source>
        <translation>Already have an account?</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Back to signing in</source>
        <translation>Back to signing in</translation>
    </message>
    <message>
        <source>Confirm your email</source>
        <translation>Confirm your email</translation>
    </message>
    <message>
        <source>Confirmation &amp;code</source>
        <translation>Confirmation &amp;code</translation>
    </message>
    <message>
        <source>Code from the email</source>
        <translation>Code from the email</translation>
    </message>
    <message>
        <source>Confirmation code</source>
        <translation>Confirmation code</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Checking the code…</translation>
    </message>
    <message>
        <source>Confirm the code</source>
        <translation>Confirm the code</translation>
    </message>
    <message>
        <source>Send a &amp;new code</source>
        <translation>Send a &amp;new code</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Send a new code</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <source>Close search (Esc)</source>
        <translation>Close search (Esc)</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Close search</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>This chat</source>
        <translation>This chat</translation>
    </message>
    <message>
        <source>Search this chat</source>
        <translation>Search this chat</translation>
    </message>
    <message>
        <source>All chats</source>
        <translation>All chats</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Search all chats</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
</context>
<context>
    <name>ServerProfileDialog</name>
    <message>
        <source>Servers</source>
        <translation>Servers</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Add a server</source>
        <translation>Add a server</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicate</translation>
    </message>
    <message>
        <source>Copy the selected server</source>
        <translation>Copy the selected server</translation>
    </message>
    <message>
        <source>Duplicate the selected server</source>
        <translation>Duplicate the selected server</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Remove the selected server</source>
        <translation>Remove the selected server</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>My server</source>
        <translation>My server</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>A&amp;ddress:</translation>
    </message>
    <message>
        <source>wss://chat.example.org/ws</source>
        <translation>wss://chat.example.org/ws</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocol:</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>Client &amp;certificate hash:</source>
        <translation>Client &amp;certificate hash:</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>DisTet client certificate hash</source>
        <translation>DisTet client certificate hash</translation>
    </message>
    <message>
        <source>DisTet servers check this value. Leave it empty to use the one built into Natter.</source>
        <translation>DisTet servers check this value. Leave it empty to use the one built into Natter.</translation>
    </message>
    <message>
        <source>Trusted certificate:</source>
        <translation>Trusted certificate:</translation>
    </message>
    <message>
        <source>None: the system decides</source>
        <translation>None: the system decides</translation>
    </message>
    <message>
        <source>Trusted certificate fingerprint</source>
        <translation>Trusted certificate fingerprint</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Forget</translation>
    </message>
    <message>
        <source>Stop trusting this certificate</source>
        <translation>Stop trusting this certificate</translation>
    </message>
    <message>
        <source>Forget the trusted certificate</source>
        <translation>Forget the trusted certificate</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Start &amp;minimized</source>
        <translation>Start &amp;minimized</translation>
    </message>
    <message>
        <source>&amp;Closing the window keeps Natter running in the tray</source>
        <translation>&amp;Closing the window keeps Natter running in the tray</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications for new messages</source>
        <translation>Show &amp;desktop notifications for new messages</translation>
    </message>
    <message>
        <source>Show the &amp;sender and message text</source>
        <translation>Show the &amp;sender and message text</translation>
    </message>
    <message>
        <source>When off, notifications only say “New message”.</source>
        <translation>When off, notifications only say “New message”.</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>Proxy type</source>
        <translation>Proxy type</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>Proxy host</translation>
    </message>
    <message>
        <source>proxy.example.org</source>
        <translation>proxy.example.org</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Proxy port</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Proxy user</source>
        <translation>Proxy user</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy password</translation>
    </message>
    <message>
        <source>The proxy password is kept in memory only: it is never saved, so enter it again after restarting Natter.</source>
        <translation>The proxy password is kept in memory only: it is never saved, so enter it again after restarting Natter.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Apply proxy settings</source>
        <translation>Apply proxy settings</translation>
    </message>
    <message>
        <source>Media cache:</source>
        <translation>Media cache:</translation>
    </message>
    <message>
        <source>Media cache size</source>
        <translation>Media cache size</translation>
    </message>
    <message>
        <source>&amp;Clear media cache</source>
        <translation>&amp;Clear media cache</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>&amp;Limit:</translation>
    </message>
    <message>
        <source>Media cache limit in megabytes</source>
        <translation>Media cache limit in megabytes</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>Clearing and the limit remove only received files the server can send again; they download again when you open them. Files you are still sending are kept.</source>
        <translation>Clearing and the limit remove only received files the server can send again; they download again when you open them. Files you are still sending are kept.</translation>
    </message>
    <message>
        <source>Media cache cleared</source>
        <translation>Media cache cleared</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Natter, a desktop messenger for MoreliaTalk, mode WS-server and DisTet servers.</source>
        <translation>Natter, a desktop messenger for MoreliaTalk, mode WS-server and DisTet servers.</translation>
    </message>
    <message>
        <source>Keep accounts and caches in &lt;dir&gt;.</source>
        <translation>Keep accounts and caches in &lt;dir&gt;.</translation>
    </message>
    <message>
        <source>Select (or add) the server at &lt;url&gt; on the sign-in page.</source>
        <translation>Select (or add) the server at &lt;url&gt; on the sign-in page.</translation>
    </message>
    <message>
        <source>The protocol of --server: auto, morelia, morelia-2020, morelia-r17, wsmode or distet.</source>
        <translation>The protocol of --server: auto, morelia, morelia-2020, morelia-r17, wsmode or distet.</translation>
    </message>
    <message>
        <source>Fill in &lt;login&gt; on the sign-in page.</source>
        <translation>Fill in &lt;login&gt; on the sign-in page.</translation>
    </message>
    <message>
        <source>Read a password from standard input and sign in.</source>
        <translation>Read a password from standard input and sign in.</translation>
    </message>
    <message>
        <source>Once the chats are shown and synced, save the window to &lt;png&gt; and quit.</source>
        <translation>Once the chats are shown and synced, save the window to &lt;png&gt; and quit.</translation>
    </message>
    <message>
        <source>Start hidden in the system tray.</source>
        <translation>Start hidden in the system tray.</translation>
    </message>
</context>
</TS>
