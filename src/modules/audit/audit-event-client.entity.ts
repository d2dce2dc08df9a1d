import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The clients an audit event is about, one row each, written with the event. Filtering the log
 * by client is then an indexed join on both engines, where the JSON `audit_event.client_ids`
 * column would need a full scan (MySQL and SQLite have no common JSON index).
 */
@Entity()
@Index(['clientId', 'auditEventId'])
export class AuditEventClient {
  @PrimaryColumn()
  auditEventId: number;

  @PrimaryColumn()
  clientId: number;
}
