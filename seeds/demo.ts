import type { DataSource } from 'typeorm';

/** Placeholder replaced by the demo scenario loader. */
export async function seedDemo(_ds: DataSource, _options: { password: string; today?: string }): Promise<void> {}
