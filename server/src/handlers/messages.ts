/**
 * Messages to the user as `window/showMessage` notifications. (`connection.window.show*Message` sends
 * `window/showMessageRequest`, which some editors turn into a blocking prompt; nothing here needs an answer.)
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';

export function tell(connection: Connection, type: 'info' | 'warning' | 'error', message: string): void {
  const t = type === 'error' ? MessageType.Error : type === 'warning' ? MessageType.Warning : MessageType.Info;
  void connection.sendNotification(ShowMessageNotification.type, { type: t, message });
}
