import { describe, expect, it } from 'vitest';
import { adminPaths } from './paths';

describe('adminPaths', () => {
  it('finds the mount point at the root and under a prefix', () => {
    expect(adminPaths('/admin')).toEqual({ root: '', signIn: '/admin', admin: '/admin', assets: '/admin/assets' });
    expect(adminPaths('/admin/templates/0b7c1f5e-8d1c-4c59-9d43-2f1b3d4e5a6b').root).toBe('');
    expect(adminPaths('/lingting/admin/cases').admin).toBe('/lingting/admin');
    expect(adminPaths('/crm/admin/tools/admin/assets/admin.css').root).toBe('/crm/admin/tools');
  });
});
