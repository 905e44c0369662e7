import { describe, expect, it } from 'vitest';
import { absoluteLinks } from './mailer';

describe('absoluteLinks', () => {
  it('makes an app link on its own line absolute with the public address', () => {
    expect(absoluteLinks('Giao việc\n\nHạn 20/07/2021.\n\n/tasks/t1\n', 'https://congvu.ninhthuan.gov.vn/')).toBe(
      'Giao việc\n\nHạn 20/07/2021.\n\nhttps://congvu.ninhthuan.gov.vn/tasks/t1\n',
    );
  });
  it('leaves absolute links, protocol-relative links and text with slashes alone', () => {
    const text = 'https://a.gov.vn/x\n//cdn.example/x\nNgày 20/07/2021\nSố 12/QĐ-SNV\n';
    expect(absoluteLinks(text, 'https://congvu.ninhthuan.gov.vn')).toBe(text);
  });
});
