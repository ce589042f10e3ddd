// hoodiecrow-imap (an in-process IMAP server for testing IMAP clients) ships no types: the part the tests use.
declare module "hoodiecrow-imap" {
  import type { Server } from "node:net";

  interface HoodiecrowMessage {
    raw: string;
    internaldate?: string;
    flags?: string[];
    uid?: number;
  }
  interface HoodiecrowFolder {
    messages?: HoodiecrowMessage[];
    folders?: Record<string, HoodiecrowFolder>;
    uidvalidity?: number;
    uidnext?: number;
  }
  interface HoodiecrowOptions {
    plugins?: string[];
    storage?: Record<string, HoodiecrowFolder>;
    users?: Record<string, { password: string }>;
    debug?: boolean;
  }
  interface HoodiecrowServer {
    /** The underlying net.Server. */
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    close(callback: () => void): void;
    /** Adds a message to a folder as if it had just arrived. */
    appendMessage(folder: string, flags: string[], internaldate: string | Date, raw: string): void;
    getMailbox(path: string): { uidvalidity: number; messages: Array<HoodiecrowMessage & { uid: number }> } | undefined;
  }
  function hoodiecrow(options?: HoodiecrowOptions): HoodiecrowServer;
  export = hoodiecrow;
}
